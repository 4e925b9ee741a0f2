import type { EntityManager } from 'typeorm';
import { CHILD_COLUMNS, type ChildOnList } from './child-columns';

export interface PlanTarget {
  readonly targetId: string;
  readonly goalId: string;
  readonly goal: string | null;
  readonly description: string | null;
  readonly measure: string | null;
  readonly owner: string | null;
  readonly dueOn: string | null;
  readonly latestProgress: string | null;
  readonly progressNote: string | null;
  readonly progressReviewedOn: string | null;
}

export interface ActionPlanView extends ChildOnList {
  readonly referralId: string;
  readonly planId: string;
  readonly agreedOn: string;
  readonly interventionLength: string;
  readonly strategies: string[] | null;
  readonly services: string[];
  readonly plannedEndOn: string | null;
  readonly reviewOn: string;
  readonly targets: PlanTarget[];
}

interface PlanRow extends Omit<ActionPlanView, 'targets'> {
  targetIds: string[];
}

// A school's list shows open cases only; a closed case's plan is still there by referral id.
const OPEN_CASE = `AND EXISTS (SELECT 1 FROM read_models.mentor_cases mc WHERE mc.referral_id = ap.referral_id AND mc.stage = 'on-register')`;

/**
 * Action plans in force with their SMART targets and latest progress, for one case or
 * for a school. 003 §1a: a written plan records goals and targets, strategies, services
 * and the review date.
 */
export async function actionPlans(
  manager: EntityManager,
  query: { schoolId: string } | { referralId: string },
): Promise<ActionPlanView[]> {
  const bySchool = 'schoolId' in query;
  const plans: PlanRow[] = await manager.query(
    `SELECT ap.referral_id AS "referralId", ap.plan_id AS "planId", ap.child_id AS "childId", ${CHILD_COLUMNS},
            ap.agreed_on::text AS "agreedOn", ap.intervention_length AS "interventionLength", ap.strategies, ap.services,
            ap.planned_end_on::text AS "plannedEndOn", ap.review_on::text AS "reviewOn", ap.target_ids AS "targetIds"
       FROM read_models.mentor_action_plans ap
       LEFT JOIN read_models.child_records cr ON cr.child_id = ap.child_id
      WHERE ap.current AND ${bySchool ? 'ap.school_id' : 'ap.referral_id'} = $1
        ${bySchool ? OPEN_CASE : ''}
      ORDER BY ap.review_on, ap.referral_id`,
    [bySchool ? query.schoolId : query.referralId],
  );
  if (plans.length === 0) return [];
  const targets: Array<PlanTarget & { referralId: string }> = await manager.query(
    `SELECT referral_id AS "referralId", target_id AS "targetId", goal_id AS "goalId", goal_outcome AS goal, description, measure, owner,
            due_on::text AS "dueOn", latest_progress AS "latestProgress", progress_note AS "progressNote",
            progress_reviewed_on::text AS "progressReviewedOn"
       FROM read_models.mentor_case_targets WHERE referral_id = ANY($1) ORDER BY due_on, target_id`,
    [plans.map((p) => p.referralId)],
  );
  return plans.map(({ targetIds, ...plan }) => ({
    ...plan,
    targets: targets
      .filter((t) => t.referralId === plan.referralId && targetIds.includes(t.targetId))
      .map(({ referralId: _r, ...t }) => t),
  }));
}
