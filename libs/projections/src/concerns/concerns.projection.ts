import type { EntityManager } from 'typeorm';
import type { ConcernEvent } from '@app/domain/concern/events';
import type { RecordedEvent } from '@app/event-store/event-store.port';
import type { Projection } from '../projection';

const json = (value: unknown) => JSON.stringify(value ?? null);

/** A clock as stored: started, due, met (with a breach reason when late). */
interface StoredClock {
  clock: string;
  startedOn: string;
  dueBy: string;
  metOn?: string;
  breachReason?: string;
}

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
  ],

  async apply(recorded: RecordedEvent, manager: EntityManager) {
    const event = { type: recorded.type, data: recorded.data } as unknown as ConcernEvent;
    const { concernId } = event.data;
    const revision = recorded.revision.toString();
    const [row] = (await manager.query(`SELECT clocks, referred_on::text AS referred_on FROM read_models.concerns WHERE concern_id = $1`, [concernId])) as Array<{ clocks: StoredClock[]; referred_on: string | null }>;
    let clocks: StoredClock[] = row?.clocks ?? [];
    const start = (clock: string, startedOn: string, dueBy: string) => (clocks = [...clocks, { clock, startedOn, dueBy }]);
    const meet = (clock: string, on: string, breach?: { reason: string }) =>
      (clocks = clocks.map((c) => (c.clock === clock && !c.metOn ? { ...c, metOn: on, ...(breach ? { breachReason: breach.reason } : {}) } : c)));
    const update = (set: string, values: unknown[]) =>
      manager.query(`UPDATE read_models.concerns SET ${set}, clocks = $3, revision = $2 WHERE concern_id = $1`, [concernId, revision, json(clocks), ...values]);

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
        await update(`status = $4, dsl_outcome = $4, dsl_reasons = $5, reviewed_on = $6`, [event.data.outcome, event.data.reasons ?? null, event.data.reviewedOn]);
        return;
      case 'ConcernReferredToSocialCare': {
        const d = event.data;
        start('social-care-decision', d.referredOn, d.decisionDueBy);
        await update(`status = 'referred', referred_on = $4, referral = $5`, [d.referredOn, json({ referredBy: d.referredBy, basis: d.basis, urgency: d.urgency, categories: d.categories, summary: d.summary, referredAt: d.referredAt })]);
        return;
      }
      case 'SocialCareDecisionMade':
        meet('social-care-decision', event.data.decidedOn, event.data.breach);
        if (event.data.assessmentDueBy) start('assessment', row?.referred_on ?? event.data.decidedOn, event.data.assessmentDueBy);
        await update(`status = $4, decision = $5`, [event.data.decision, json(event.data)]);
        return;
      case 'AssessmentCompleted':
        meet('assessment', event.data.completedOn, event.data.breach);
        await update(`assessment = $4`, [json(event.data)]);
        return;
      case 'StrategyDiscussionHeld':
        start('initial-conference', event.data.heldOn, event.data.initialConferenceDueBy);
        await update(`status = 'strategy-discussion-held', strategy_discussion = $4`, [json(event.data)]);
        return;
      case 'ChildProtectionConferenceHeld': {
        const d = event.data;
        meet(d.kind === 'initial' ? 'initial-conference' : 'review-conference', d.heldOn, d.breach);
        if (d.coreGroupDueBy) start('core-group', d.heldOn, d.coreGroupDueBy);
        if (d.nextReviewDueBy) start('review-conference', d.heldOn, d.nextReviewDueBy);
        await update(`status = $4, conferences = conferences || $5::jsonb`, [d.childProtectionPlan ? 'child-protection-plan' : 'closed', json([d])]);
        return;
      }
      case 'CoreGroupMet':
        meet('core-group', event.data.heldOn, event.data.breach);
        await update(`core_groups = core_groups || $4::jsonb`, [json([event.data])]);
        return;
      case 'MentorReportSubmitted':
        await update(`reports = reports || $4::jsonb`, [json([event.data])]);
        return;
    }
  },

  async reset(manager: EntityManager) {
    await manager.query(`TRUNCATE read_models.concerns`);
  },
};
