import { type Decider, DomainError } from '../shared';
import { dayOf, type IsoDate } from '../shared/calendar';
import type { RetentionCommand } from './commands';
import type { RetentionEvent } from './events';

export interface RetentionState {
  readonly erased: boolean;
  /** The review the daily job opened and the dpo has not decided yet. */
  readonly openReview: { readonly reviewId: string; readonly dueOn: IsoDate } | null;
  /** A decision to keep: the record is not listed again before this day. */
  readonly keptUntil: IsoDate | null;
  readonly holds: Readonly<Record<string, { readonly active: boolean }>>;
  readonly requests: Readonly<Record<string, { readonly decided: boolean }>>;
}

const initialState: RetentionState = { erased: false, openReview: null, keptUntil: null, holds: {}, requests: {} };

const activeHolds = (state: RetentionState) =>
  Object.entries(state.holds)
    .filter(([, hold]) => hold.active)
    .map(([holdId]) => holdId);

const alreadyErased = (childId: string) =>
  new DomainError('retention.already-erased', `The record of child ${childId} has already been erased`);

/** A legal hold overrides disposal and erasure alike, until it is lifted. */
const heldBy = (state: RetentionState, act: string, rule: string): DomainError | null => {
  const holds = activeHolds(state);
  return holds.length === 0
    ? null
    : new DomainError(rule, `A legal hold (${holds.join(', ')}) stops ${act} until it is lifted`);
};

/**
 * Retention and erasure of one child's record (stream `retention-{childId}`): the daily job
 * lists it for review once every record has reached the end of its period; the dpo disposes
 * of it, keeps it for a stated period or places a legal hold; an erasure request is decided
 * with its Art. 17 ground or exemption. Disposal and approved erasure end in ChildRecordErased.
 */
export const retentionDecider: Decider<RetentionCommand, RetentionEvent, RetentionState> = {
  initialState,

  decide(command, state) {
    const { childId } = command;
    switch (command.type) {
      case 'ListForReview': {
        if (state.erased || state.openReview) return [];
        if (state.keptUntil && state.keptUntil > command.today) return [];
        if (command.records.length === 0)
          return new DomainError(
            'retention.nothing-to-review',
            `Child ${childId} has no record to review`,
            'invalid',
            'records',
          );
        const running = command.records.find((r) => r.endsOn > command.today);
        if (running)
          return new DomainError(
            'retention.period-running',
            `${running.recordRef} is kept until ${running.endsOn}`,
            'invalid',
            'records',
          );
        const dueOn = [...command.records.map((r) => r.endsOn), state.keptUntil ?? ''].sort().pop()!;
        return [
          {
            type: 'RetentionReviewDue',
            data: {
              childId,
              reviewId: command.reviewId,
              dueOn,
              records: [...command.records],
              listedOn: command.today,
            },
          },
        ];
      }
      case 'DisposeOfRecord': {
        if (state.erased) return alreadyErased(childId);
        if (!state.openReview)
          return new DomainError(
            'retention.not-due',
            `The record of child ${childId} is not listed for review: its retention period has not ended`,
          );
        const held = heldBy(state, 'disposal', 'retention.legal-hold');
        if (held) return held;
        return [
          {
            type: 'RecordDisposed',
            data: { childId, reviewId: state.openReview.reviewId, decidedBy: command.by, decidedAt: command.at },
          },
          {
            type: 'ChildRecordErased',
            data: { childId, cause: 'disposal', erasedBy: command.by, erasedAt: command.at },
          },
        ];
      }
      case 'KeepRecord': {
        if (state.erased) return alreadyErased(childId);
        if (!state.openReview)
          return new DomainError(
            'retention.not-due',
            `The record of child ${childId} is not listed for review: its retention period has not ended`,
          );
        if (command.keepUntil <= dayOf(command.at)) {
          return new DomainError(
            'retention.keep-until-not-later',
            `keepUntil (${command.keepUntil}) must be later than today`,
            'invalid',
            'keepUntil',
          );
        }
        return [
          {
            type: 'RetentionExtended',
            data: {
              childId,
              reviewId: state.openReview.reviewId,
              keepUntil: command.keepUntil,
              reason: command.reason,
              decidedBy: command.by,
              decidedAt: command.at,
            },
          },
        ];
      }
      case 'PlaceLegalHold':
        if (state.erased) return alreadyErased(childId);
        if (state.holds[command.holdId]) return [];
        return [
          {
            type: 'LegalHoldPlaced',
            data: {
              childId,
              holdId: command.holdId,
              reason: command.reason,
              placedBy: command.by,
              placedAt: command.at,
            },
          },
        ];
      case 'LiftLegalHold': {
        const hold = state.holds[command.holdId];
        if (!hold)
          return new DomainError(
            'retention.hold-unknown',
            `No legal hold ${command.holdId} on the record of child ${childId}`,
            'invalid',
            'holdId',
          );
        if (!hold.active)
          return new DomainError('retention.hold-already-lifted', `Legal hold ${command.holdId} was already lifted`);
        return [
          {
            type: 'LegalHoldLifted',
            data: {
              childId,
              holdId: command.holdId,
              reason: command.reason,
              liftedBy: command.by,
              liftedAt: command.at,
            },
          },
        ];
      }
      case 'RequestErasure':
        if (state.erased) return alreadyErased(childId);
        if (state.requests[command.requestId]) return [];
        return [
          {
            type: 'ErasureRequested',
            data: {
              childId,
              requestId: command.requestId,
              requester: command.requester,
              receivedOn: command.receivedOn,
              recordedBy: command.by,
              recordedAt: command.at,
            },
          },
        ];
      case 'DecideErasure':
        return decideErasure(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'RetentionReviewDue':
        return { ...state, openReview: { reviewId: event.data.reviewId, dueOn: event.data.dueOn } };
      case 'RecordDisposed':
        return { ...state, openReview: null };
      case 'RetentionExtended':
        return { ...state, openReview: null, keptUntil: event.data.keepUntil };
      case 'LegalHoldPlaced':
        return { ...state, holds: { ...state.holds, [event.data.holdId]: { active: true } } };
      case 'LegalHoldLifted':
        return { ...state, holds: { ...state.holds, [event.data.holdId]: { active: false } } };
      case 'ErasureRequested':
        return { ...state, requests: { ...state.requests, [event.data.requestId]: { decided: false } } };
      case 'ErasureDecided':
        return { ...state, requests: { ...state.requests, [event.data.requestId]: { decided: true } } };
      case 'ErasureNoticeIssued':
        return state;
      case 'ChildRecordErased':
        return { ...state, erased: true, openReview: null };
    }
  },
};

function decideErasure(
  command: Extract<RetentionCommand, { type: 'DecideErasure' }>,
  state: RetentionState,
): RetentionEvent[] | DomainError {
  const { childId, requestId } = command;
  const request = state.requests[requestId];
  if (!request)
    return new DomainError(
      'erasure.request-unknown',
      `No erasure request ${requestId} for child ${childId}`,
      'invalid',
      'requestId',
    );
  if (request.decided)
    return new DomainError('erasure.already-decided', `Erasure request ${requestId} has already been decided`);
  if (state.erased) return alreadyErased(childId);
  const decided = {
    childId,
    requestId,
    outcome: command.outcome,
    ...(command.ground ? { ground: command.ground } : {}),
    ...(command.exemption ? { exemption: command.exemption } : {}),
    reasons: command.reasons,
    decidedBy: command.by,
    decidedAt: command.at,
  };
  if (command.outcome === 'refused') {
    if (!command.exemption)
      return new DomainError(
        'erasure.exemption-required',
        'A refused erasure names the Art. 17(3) exemption that requires the record to be kept',
        'invalid',
        'exemption',
      );
    return [{ type: 'ErasureDecided', data: decided }];
  }
  if (!command.ground)
    return new DomainError(
      'erasure.ground-required',
      'An approved erasure names its Art. 17(1) ground',
      'invalid',
      'ground',
    );
  if (command.exemption)
    return new DomainError(
      'erasure.exemption-with-approval',
      'An exemption means the record is kept: refuse the request instead',
      'invalid',
      'exemption',
    );
  const held = heldBy(state, 'erasure', 'erasure.legal-hold');
  if (held) return held;
  return [
    { type: 'ErasureDecided', data: decided },
    ...command.recipients.map((r) => ({
      type: 'ErasureNoticeIssued' as const,
      data: {
        childId,
        noticeId: `${requestId}:${r.disclosureId}`,
        requestId,
        disclosureId: r.disclosureId,
        recipientAgencyId: r.agencyId,
        issuedBy: command.by,
        issuedAt: command.at,
      },
    })),
    {
      type: 'ChildRecordErased',
      data: { childId, cause: 'erasure-request', erasedBy: command.by, erasedAt: command.at },
    },
  ];
}
