import type { EntityManager } from 'typeorm';
import type { ReferralEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild, nullColumns } from '../erasure/forget';
import { entityColumns, inRounds, type Row, updateEachRow, upsertRows } from '../runtime/row-sets';
import { MentorActionPlan } from './mentor-action-plan.entity';
import { MentorCaseTarget } from './mentor-case-target.entity';

type Data<T extends ReferralEvent['type']> = Extract<ReferralEvent, { type: T }>['data'];

const PLANS = 'read_models.mentor_action_plans';
const TARGETS = 'read_models.mentor_case_targets';

/** The named properties' columns of an entity, in that order. */
const columnsOf = (
  manager: EntityManager,
  entity: typeof MentorActionPlan | typeof MentorCaseTarget,
  names: string[],
) => {
  const columns = entityColumns(manager, entity);
  return names.map((name) => columns.get(name)!);
};

/**
 * Action plans with their goals and SMART targets, and each target's progress at the
 * latest review. The school id comes with ReferralMade, kept here so plans can be listed
 * per school without a join on another projection's table.
 */
export const mentorActionPlansProjection: Projection = {
  name: 'mentor-action-plans',
  eventTypes: ['ReferralMade', 'TargetsSet', 'ActionPlanAgreed', 'ReviewHeld', CHILD_RECORD_ERASED],
  tables: ['mentor_action_plans', 'mentor_case_targets', 'mentor_case_schools'],
  apply: (event, manager) => applyInRounds([event], manager),
  applyBatch: applyInRounds,
};

/**
 * A batch in rounds of at most one event per case (row-sets.ts): a round records its new
 * cases' schools, sets its targets, agrees its plans and records its reviews' progress in a
 * statement or two each. A batch with an erasure (which reaches every case of a child)
 * applies event by event.
 */
async function applyInRounds(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  if (events.length > 1 && events.some((e) => e.type === CHILD_RECORD_ERASED)) {
    for (const event of events) await applyInRounds([event], manager);
    return;
  }
  if (events[0]?.type === CHILD_RECORD_ERASED) return forget(erasedChild(events[0]), manager);
  for (const round of inRounds(events, (e) => (e.data as { referralId: string }).referralId)) {
    const of = <T extends ReferralEvent['type']>(type: T) =>
      round.filter((e) => e.type === type).map((e) => e.data as unknown as Data<T>);
    await recordSchools(of('ReferralMade'), manager);
    await setTargets(of('TargetsSet'), manager);
    await agreePlans(of('ActionPlanAgreed'), manager);
    await recordProgress(of('ReviewHeld'), manager);
  }
}

/** The wording of goals, targets, strategies and progress is personal; ids, dates and services stay. */
async function forget(childId: string, manager: EntityManager): Promise<void> {
  await nullColumns(manager, 'mentor_action_plans', ['strategies'], childId);
  await nullColumns(
    manager,
    'mentor_case_targets',
    ['goal_outcome', 'description', 'measure', 'owner', 'latest_progress', 'progress_note'],
    childId,
  );
}

async function recordSchools(referrals: ReadonlyArray<Data<'ReferralMade'>>, manager: EntityManager): Promise<void> {
  if (referrals.length === 0) return;
  await manager.query(
    `INSERT INTO read_models.mentor_case_schools (referral_id, school_id)
     SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (referral_id) DO NOTHING`,
    [referrals.map((r) => r.referralId), referrals.map((r) => r.schoolId)],
  );
}

/** Each target upserted with its goal's outcome: from this event, else from the case's earlier targets. */
async function setTargets(sets: ReadonlyArray<Data<'TargetsSet'>>, manager: EntityManager): Promise<void> {
  if (sets.length === 0) return;
  const earlier: Array<{ referral_id: string; goal_id: string; goal_outcome: string | null }> = await manager.query(
    `SELECT DISTINCT referral_id, goal_id, goal_outcome FROM ${TARGETS} WHERE referral_id = ANY($1::text[])`,
    [sets.map((s) => s.referralId)],
  );
  const rows = sets.flatMap((data): Row[] => {
    // Erased wording reads as null: nothing left to list.
    const goals = new Map((data.goals ?? []).map((g) => [g.goalId, g.outcome]));
    for (const row of earlier)
      if (row.referral_id === data.referralId && !goals.has(row.goal_id) && row.goal_outcome)
        goals.set(row.goal_id, row.goal_outcome);
    return (data.targets ?? []).map((target) => ({
      referral_id: data.referralId,
      target_id: target.targetId,
      child_id: data.childId,
      goal_id: target.goalId,
      goal_outcome: goals.get(target.goalId) ?? null,
      description: target.description,
      measure: target.measure,
      owner: target.owner,
      due_on: target.dueOn,
      set_on: data.setOn,
    }));
  });
  const [keys, columns] = [
    columnsOf(manager, MentorCaseTarget, ['referralId', 'targetId']),
    columnsOf(manager, MentorCaseTarget, [
      'childId',
      'goalId',
      'goalOutcome',
      'description',
      'measure',
      'owner',
      'dueOn',
      'setOn',
    ]),
  ];
  await upsertRows(manager, TARGETS, keys, columns, rows);
}

/** The agreed plan becomes the case's current one, at the school its referral named. */
async function agreePlans(plans: ReadonlyArray<Data<'ActionPlanAgreed'>>, manager: EntityManager): Promise<void> {
  if (plans.length === 0) return;
  await manager.query(`UPDATE ${PLANS} SET current = false WHERE referral_id = ANY($1::text[])`, [
    plans.map((p) => p.referralId),
  ]);
  const rows = plans.map((data): Row => ({
    referral_id: data.referralId,
    plan_id: data.planId,
    child_id: data.childId,
    school_id: null,
    agreed_on: data.agreedOn,
    intervention_length: data.interventionLength,
    strategies: data.strategies ? [...data.strategies] : null,
    services: [...data.services],
    planned_end_on: data.plannedEndOn ?? null,
    review_on: data.reviewOn,
    target_ids: [...data.targetIds],
    current: true,
  }));
  const [keys, columns] = [
    columnsOf(manager, MentorActionPlan, ['referralId', 'planId']),
    columnsOf(manager, MentorActionPlan, [
      'childId',
      'schoolId',
      'agreedOn',
      'interventionLength',
      'strategies',
      'services',
      'plannedEndOn',
      'reviewOn',
      'targetIds',
      'current',
    ]),
  ];
  await upsertRows(manager, PLANS, keys, columns, rows, {
    school_id: `COALESCE((SELECT s.school_id FROM read_models.mentor_case_schools s WHERE s.referral_id = m.referral_id), 'unknown')`,
  });
}

async function recordProgress(reviews: ReadonlyArray<Data<'ReviewHeld'>>, manager: EntityManager): Promise<void> {
  const rows = reviews.flatMap((data) =>
    (data.progress ?? []).map((review): Row => ({
      referral_id: data.referralId,
      target_id: review.targetId,
      latest_progress: review.progress,
      progress_note: review.note ?? null,
      progress_reviewed_on: data.heldOn,
    })),
  );
  const [keys, columns] = [
    columnsOf(manager, MentorCaseTarget, ['referralId', 'targetId']),
    columnsOf(manager, MentorCaseTarget, ['latestProgress', 'progressNote', 'progressReviewedOn']),
  ];
  await updateEachRow(manager, TARGETS, keys, columns, rows);
}
