import type { IsoDate } from '../shared';
import type { Breach, ConcernClock, ConcernEvent } from './events';
import type { ClockState } from './state';

const start = (clock: ConcernClock, startedOn: IsoDate, dueBy: IsoDate): ClockState => ({
  clock,
  startedOn,
  dueBy,
  owner: 'social-care',
});

const meet = (clocks: readonly ClockState[], clock: ConcernClock, on: IsoDate, breach?: Breach): ClockState[] =>
  clocks.map((c) =>
    c.clock === clock && c.metOn === undefined
      ? { ...c, metOn: on, ...(breach ? { breachReason: breach.reason } : {}) }
      : c,
  );

/** The day the concern reached social care: the assessment's 45 days run from it. */
export const referredOn = (clocks: readonly ClockState[]): IsoDate | undefined =>
  clocks.find((c) => c.clock === 'social-care-decision')?.startedOn;

/**
 * The Working Together clocks after one more event: which start, which are met (late ones
 * with their breach reason). The decider's state and the social-care read model both fold
 * with this, so they cannot disagree.
 */
export function clocksAfter(clocks: readonly ClockState[], event: ConcernEvent): ClockState[] {
  switch (event.type) {
    case 'ConcernReferredToSocialCare':
      return [...clocks, start('social-care-decision', event.data.referredOn, event.data.decisionDueBy)];
    case 'SocialCareDecisionMade': {
      const d = event.data;
      const met = meet(clocks, 'social-care-decision', d.decidedOn, d.breach);
      return d.assessmentDueBy
        ? [...met, start('assessment', referredOn(clocks) ?? d.decidedOn, d.assessmentDueBy)]
        : met;
    }
    case 'AssessmentCompleted':
      return meet(clocks, 'assessment', event.data.completedOn, event.data.breach);
    case 'StrategyDiscussionHeld':
      return [...clocks, start('initial-conference', event.data.heldOn, event.data.initialConferenceDueBy)];
    case 'ChildProtectionConferenceHeld': {
      const d = event.data;
      return [
        ...meet(clocks, d.kind === 'initial' ? 'initial-conference' : 'review-conference', d.heldOn, d.breach),
        ...(d.coreGroupDueBy ? [start('core-group', d.heldOn, d.coreGroupDueBy)] : []),
        ...(d.nextReviewDueBy ? [start('review-conference', d.heldOn, d.nextReviewDueBy)] : []),
      ];
    }
    case 'CoreGroupMet':
      return meet(clocks, 'core-group', event.data.heldOn, event.data.breach);
    default:
      return [...clocks];
  }
}

export type ClockStatus = 'due' | 'overdue' | 'breached' | 'met';

/** On a day: due, overdue (passed, not yet met), breached (met late, with its reason), met. */
export const clockStatus = (clock: ClockState, today: IsoDate): ClockStatus =>
  clock.breachReason !== undefined
    ? 'breached'
    : clock.metOn !== undefined
      ? 'met'
      : clock.dueBy < today
        ? 'overdue'
        : 'due';
