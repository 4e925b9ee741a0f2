import type { EntityManager } from 'typeorm';
import { clocksAfter } from '@app/domain';
import type { ConcernEvent } from '@app/domain';
import type { ClockState } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { CHILD_RECORD_ERASED, eachWithoutKeys, erasedChild, personalKeysOf, withoutKeys } from '../erasure/forget';

const json = (value: unknown) => JSON.stringify(value ?? null);

/** Safeguarding concerns, their referral and the Working Together clocks: the DSL's and social care's views. */
export const concernsProjection: Projection = {
  name: 'concerns',
  eventTypes: [
    'ConcernRaised',
    'ConcernReviewed',
    'ConcernReferredToSocialCare',
    'SocialCareDecisionMade',
    'AssessmentCompleted',
    'StrategyDiscussionHeld',
    'ChildProtectionConferenceHeld',
    'CoreGroupMet',
    'MentorReportSubmitted',
    CHILD_RECORD_ERASED,
  ],
  tables: ['concerns'],

  async apply(recorded: RecordedEvent, manager: EntityManager) {
    if (recorded.type === CHILD_RECORD_ERASED) return forgetConcerns(erasedChild(recorded), manager);
    const event = { type: recorded.type, data: recorded.data } as unknown as ConcernEvent;
    const { concernId } = event.data;
    const revision = recorded.revision.toString();
    const [row] = (await manager.query(`SELECT clocks FROM read_models.concerns WHERE concern_id = $1`, [
      concernId,
    ])) as Array<{ clocks: ClockState[] }>;
    const clocks = clocksAfter(row?.clocks ?? [], event);
    // An act recorded later than it happened shows both days: the stated one in its data, and when the platform recorded it.
    const act = { ...event.data, recordedAt: recorded.occurredAt.toISOString() };
    const update = (set: string, values: unknown[]) =>
      manager.query(`UPDATE read_models.concerns SET ${set}, clocks = $3, revision = $2 WHERE concern_id = $1`, [
        concernId,
        revision,
        json(clocks),
        ...values,
      ]);

    switch (event.type) {
      case 'ConcernRaised': {
        const d = event.data;
        await manager.query(
          `INSERT INTO read_models.concerns (concern_id, child_id, raised_by, seen_or_heard, raised_at, status, revision) VALUES ($1, $2, $3, $4, $5, 'raised', $6)
           ON CONFLICT (concern_id) DO NOTHING`,
          [concernId, d.childId, json(d.raisedBy), d.seenOrHeard ?? null, d.raisedAt, revision],
        );
        return;
      }
      case 'ConcernReviewed':
        await update(`status = $4, dsl_outcome = $4, dsl_reasons = $5, reviewed_on = $6`, [
          event.data.outcome,
          event.data.reasons ?? null,
          event.data.reviewedOn,
        ]);
        return;
      case 'ConcernReferredToSocialCare': {
        const d = event.data;
        await update(`status = 'referred', referred_on = $4, referral = $5`, [
          d.referredOn,
          json({
            referredBy: d.referredBy,
            basis: d.basis,
            urgency: d.urgency,
            categories: d.categories,
            summary: d.summary,
            referredAt: d.referredAt,
          }),
        ]);
        return;
      }
      case 'SocialCareDecisionMade':
        await update(`status = $4, decision = $5`, [event.data.decision, json(act)]);
        return;
      case 'AssessmentCompleted':
        await update(`assessment = $4`, [json(act)]);
        return;
      case 'StrategyDiscussionHeld':
        await update(`status = 'strategy-discussion-held', strategy_discussion = $4`, [json(act)]);
        return;
      case 'ChildProtectionConferenceHeld': {
        const d = event.data;
        await update(`status = $4, conferences = conferences || $5::jsonb`, [
          d.childProtectionPlan ? 'child-protection-plan' : 'closed',
          json([act]),
        ]);
        return;
      }
      case 'CoreGroupMet':
        await update(`core_groups = core_groups || $4::jsonb`, [json([act])]);
        return;
      case 'MentorReportSubmitted':
        await update(`reports = reports || $4::jsonb`, [json([event.data])]);
        return;
    }
  },
};

/**
 * The child-protection file once erased: what was seen or heard and every act's personal
 * words (the catalogue's personal fields of each act) go; the acts, their days and clocks stay.
 */
async function forgetConcerns(childId: string, manager: EntityManager): Promise<void> {
  await manager.query(
    `UPDATE read_models.concerns SET seen_or_heard = NULL, dsl_reasons = NULL,
       referral = ${withoutKeys('referral', personalKeysOf('ConcernReferredToSocialCare'))},
       decision = ${withoutKeys('decision', personalKeysOf('SocialCareDecisionMade'))},
       assessment = ${withoutKeys('assessment', personalKeysOf('AssessmentCompleted'))},
       strategy_discussion = ${withoutKeys('strategy_discussion', personalKeysOf('StrategyDiscussionHeld'))},
       conferences = ${eachWithoutKeys('conferences', personalKeysOf('ChildProtectionConferenceHeld'))},
       core_groups = ${eachWithoutKeys('core_groups', personalKeysOf('CoreGroupMet'))},
       reports = ${eachWithoutKeys('reports', personalKeysOf('MentorReportSubmitted'))}
     WHERE child_id = $1`,
    [childId],
  );
}
