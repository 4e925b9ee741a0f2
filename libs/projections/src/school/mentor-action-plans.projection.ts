import type { EntityManager } from 'typeorm';
import type { ReferralEvent } from '@app/domain/referral/events';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, erasedChild, nullColumns } from '../erasure/forget';
import { MentorActionPlan } from './mentor-action-plan.entity';
import { MentorCaseTarget } from './mentor-case-target.entity';

type Data<T extends ReferralEvent['type']> = Extract<ReferralEvent, { type: T }>['data'];

/**
 * Action plans with their goals and SMART targets, and each target's progress at the
 * latest review. The school id comes with ReferralMade, kept here so plans can be listed
 * per school without a join on another projection's table.
 */
export const mentorActionPlansProjection: Projection = {
  name: 'mentor-action-plans',
  eventTypes: ['ReferralMade', 'TargetsSet', 'ActionPlanAgreed', 'ReviewHeld', CHILD_RECORD_ERASED],
  tables: ['mentor_action_plans', 'mentor_case_targets', 'mentor_case_schools'],

  async apply(event: RecordedEvent, manager: EntityManager) {
    if (event.type === CHILD_RECORD_ERASED) {
      // The wording of goals, targets, strategies and progress is personal; ids, dates and services stay.
      const childId = erasedChild(event);
      await nullColumns(manager, 'mentor_action_plans', ['strategies'], childId);
      await nullColumns(
        manager,
        'mentor_case_targets',
        ['goal_outcome', 'description', 'measure', 'owner', 'latest_progress', 'progress_note'],
        childId,
      );
      return;
    }
    switch (event.type as ReferralEvent['type']) {
      case 'ReferralMade': {
        const data = event.data as unknown as Data<'ReferralMade'>;
        await manager.query(
          `INSERT INTO read_models.mentor_case_schools (referral_id, school_id) VALUES ($1, $2) ON CONFLICT (referral_id) DO NOTHING`,
          [data.referralId, data.schoolId],
        );
        return;
      }
      case 'TargetsSet': {
        const data = event.data as unknown as Data<'TargetsSet'>;
        // Erased wording reads as null: nothing left to list.
        const goals = new Map((data.goals ?? []).map((g) => [g.goalId, g.outcome]));
        const existing: Array<{ goal_id: string; goal_outcome: string | null }> = await manager.query(
          `SELECT DISTINCT goal_id, goal_outcome FROM read_models.mentor_case_targets WHERE referral_id = $1`,
          [data.referralId],
        );
        for (const row of existing)
          if (!goals.has(row.goal_id) && row.goal_outcome) goals.set(row.goal_id, row.goal_outcome);
        for (const target of data.targets ?? []) {
          await manager.getRepository(MentorCaseTarget).upsert(
            {
              referralId: data.referralId,
              targetId: target.targetId,
              childId: data.childId,
              goalId: target.goalId,
              goalOutcome: goals.get(target.goalId) ?? null,
              description: target.description,
              measure: target.measure,
              owner: target.owner,
              dueOn: target.dueOn,
              setOn: data.setOn,
            },
            ['referralId', 'targetId'],
          );
        }
        return;
      }
      case 'ActionPlanAgreed': {
        const data = event.data as unknown as Data<'ActionPlanAgreed'>;
        const [school]: Array<{ school_id: string }> = await manager.query(
          `SELECT school_id FROM read_models.mentor_case_schools WHERE referral_id = $1`,
          [data.referralId],
        );
        await manager.getRepository(MentorActionPlan).update({ referralId: data.referralId }, { current: false });
        await manager.getRepository(MentorActionPlan).upsert(
          {
            referralId: data.referralId,
            planId: data.planId,
            childId: data.childId,
            schoolId: school?.school_id ?? 'unknown',
            agreedOn: data.agreedOn,
            interventionLength: data.interventionLength,
            strategies: data.strategies ? [...data.strategies] : null,
            services: [...data.services],
            plannedEndOn: data.plannedEndOn ?? null,
            reviewOn: data.reviewOn,
            targetIds: [...data.targetIds],
            current: true,
          },
          ['referralId', 'planId'],
        );
        return;
      }
      case 'ReviewHeld': {
        const data = event.data as unknown as Data<'ReviewHeld'>;
        for (const review of data.progress ?? []) {
          await manager
            .getRepository(MentorCaseTarget)
            .update(
              { referralId: data.referralId, targetId: review.targetId },
              { latestProgress: review.progress, progressNote: review.note ?? null, progressReviewedOn: data.heldOn },
            );
        }
        return;
      }
      default:
        return;
    }
  },
};
