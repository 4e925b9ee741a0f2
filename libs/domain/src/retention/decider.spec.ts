import { given } from '../testing/given';
import { retentionDecider } from './decider';
import type { RetentionEvent } from './events';

const dpo = { userId: 'dpo', role: 'dpo', agencyId: 'local-authority' };
const at = '2026-12-01T10:00:00.000Z';
const records = [
  { recordRef: 'child-record:c1', recordClass: 'pupil-record' as const, endsOn: '2025-01-01' },
  { recordRef: 'child-protection-file:c1', recordClass: 'child-protection-file' as const, endsOn: '2025-01-01' },
];
const due: RetentionEvent = {
  type: 'RetentionReviewDue',
  data: { childId: 'c1', reviewId: 'r1', dueOn: '2025-01-01', records, listedOn: '2026-12-01' },
};
const held: RetentionEvent = {
  type: 'LegalHoldPlaced',
  data: { childId: 'c1', holdId: 'h1', reason: 'Claim against the council', placedBy: dpo, placedAt: at },
};
const lifted: RetentionEvent = {
  type: 'LegalHoldLifted',
  data: { childId: 'c1', holdId: 'h1', reason: 'Claim settled', liftedBy: dpo, liftedAt: at },
};
const requested: RetentionEvent = {
  type: 'ErasureRequested',
  data: {
    childId: 'c1',
    requestId: 'e1',
    requester: { kind: 'parent-carer', name: 'Jo Smith' },
    receivedOn: '2026-11-30',
    recordedBy: dpo,
    recordedAt: at,
  },
};
const erased: RetentionEvent = {
  type: 'ChildRecordErased',
  data: { childId: 'c1', cause: 'disposal', erasedBy: dpo, erasedAt: at },
};
const approve = {
  type: 'DecideErasure' as const,
  childId: 'c1',
  requestId: 'e1',
  outcome: 'approved' as const,
  ground: 'consent-withdrawn' as const,
  reasons: 'Mentoring was on consent, now withdrawn',
  by: dpo,
  at,
  recipients: [{ disclosureId: 'd1', agencyId: 'health' }],
};

describe('retention review (retention-{childId})', () => {
  it('lists a record once every period has ended, due on the last end', () => {
    given(retentionDecider, [])
      .when({
        type: 'ListForReview',
        childId: 'c1',
        reviewId: 'r1',
        records: [records[0], { ...records[1], endsOn: '2024-06-01' }],
        today: '2026-12-01',
      })
      .then([
        {
          type: 'RetentionReviewDue',
          data: {
            childId: 'c1',
            reviewId: 'r1',
            dueOn: '2025-01-01',
            records: [records[0], { ...records[1], endsOn: '2024-06-01' }],
            listedOn: '2026-12-01',
          },
        },
      ]);
  });

  it('refuses to list a record one of whose periods is still running', () => {
    expect(
      given(retentionDecider, [])
        .when({
          type: 'ListForReview',
          childId: 'c1',
          reviewId: 'r1',
          records: [{ ...records[0], endsOn: '2027-01-01' }],
          today: '2026-12-01',
        })
        .thenError('retention.period-running').field,
    ).toBe('records');
  });

  it('lists nothing again while a review is open, before a kept period ends, or after erasure', () => {
    const list = { type: 'ListForReview' as const, childId: 'c1', reviewId: 'r2', records, today: '2026-12-02' };
    given(retentionDecider, [due]).when(list).then([]);
    const kept: RetentionEvent = {
      type: 'RetentionExtended',
      data: {
        childId: 'c1',
        reviewId: 'r1',
        keepUntil: '2027-12-01',
        reason: 'Tribunal pending',
        decidedBy: dpo,
        decidedAt: at,
      },
    };
    given(retentionDecider, [due, kept]).when(list).then([]);
    given(retentionDecider, [due, kept])
      .when({ ...list, today: '2027-12-01' })
      .events();
    expect(
      given(retentionDecider, [due, kept])
        .when({ ...list, today: '2027-12-01' })
        .events()[0].data,
    ).toMatchObject({ dueOn: '2027-12-01' });
    given(retentionDecider, [due, erased]).when(list).then([]);
  });

  it('disposes of a listed record: the decision, then the erasure of its key', () => {
    given(retentionDecider, [due])
      .when({ type: 'DisposeOfRecord', childId: 'c1', by: dpo, at })
      .then([
        { type: 'RecordDisposed', data: { childId: 'c1', reviewId: 'r1', decidedBy: dpo, decidedAt: at } },
        { type: 'ChildRecordErased', data: { childId: 'c1', cause: 'disposal', erasedBy: dpo, erasedAt: at } },
      ]);
  });

  it('refuses to dispose of a record not listed, already erased, or under a legal hold', () => {
    given(retentionDecider, [])
      .when({ type: 'DisposeOfRecord', childId: 'c1', by: dpo, at })
      .thenError('retention.not-due');
    given(retentionDecider, [due, erased])
      .when({ type: 'DisposeOfRecord', childId: 'c1', by: dpo, at })
      .thenError('retention.already-erased');
    const error = given(retentionDecider, [due, held])
      .when({ type: 'DisposeOfRecord', childId: 'c1', by: dpo, at })
      .thenError('retention.legal-hold');
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('h1');
    given(retentionDecider, [due, held, lifted]).when({ type: 'DisposeOfRecord', childId: 'c1', by: dpo, at }).events();
  });

  it('keeps a listed record to a later day with the reason; a day not after today is a 400 on keepUntil', () => {
    given(retentionDecider, [due])
      .when({
        type: 'KeepRecord',
        childId: 'c1',
        keepUntil: '2028-01-31',
        reason: 'Sibling case still open',
        by: dpo,
        at,
      })
      .then([
        {
          type: 'RetentionExtended',
          data: {
            childId: 'c1',
            reviewId: 'r1',
            keepUntil: '2028-01-31',
            reason: 'Sibling case still open',
            decidedBy: dpo,
            decidedAt: at,
          },
        },
      ]);
    const error = given(retentionDecider, [due])
      .when({ type: 'KeepRecord', childId: 'c1', keepUntil: '2026-12-01', reason: 'x', by: dpo, at })
      .thenError('retention.keep-until-not-later');
    expect([error.kind, error.field]).toEqual(['invalid', 'keepUntil']);
  });

  it('places and lifts a legal hold; a repeat placement records nothing, an unknown or lifted hold is refused', () => {
    given(retentionDecider, [])
      .when({ type: 'PlaceLegalHold', childId: 'c1', holdId: 'h1', reason: 'Claim against the council', by: dpo, at })
      .then([held]);
    given(retentionDecider, [held])
      .when({ type: 'PlaceLegalHold', childId: 'c1', holdId: 'h1', reason: 'again', by: dpo, at })
      .then([]);
    given(retentionDecider, [held])
      .when({ type: 'LiftLegalHold', childId: 'c1', holdId: 'h1', reason: 'Claim settled', by: dpo, at })
      .then([lifted]);
    given(retentionDecider, [])
      .when({ type: 'LiftLegalHold', childId: 'c1', holdId: 'h1', reason: 'x', by: dpo, at })
      .thenError('retention.hold-unknown');
    given(retentionDecider, [held, lifted])
      .when({ type: 'LiftLegalHold', childId: 'c1', holdId: 'h1', reason: 'x', by: dpo, at })
      .thenError('retention.hold-already-lifted');
  });
});

describe('erasure on request (UK GDPR Art. 17)', () => {
  it('records a request once', () => {
    const command = {
      type: 'RequestErasure' as const,
      childId: 'c1',
      requestId: 'e1',
      requester: { kind: 'parent-carer' as const, name: 'Jo Smith' },
      receivedOn: '2026-11-30',
      by: dpo,
      at,
    };
    given(retentionDecider, []).when(command).then([requested]);
    given(retentionDecider, [requested]).when(command).then([]);
    given(retentionDecider, [erased]).when(command).thenError('retention.already-erased');
  });

  it('an approval with its ground tells every recipient and erases the record', () => {
    given(retentionDecider, [requested])
      .when(approve)
      .then([
        {
          type: 'ErasureDecided',
          data: {
            childId: 'c1',
            requestId: 'e1',
            outcome: 'approved',
            ground: 'consent-withdrawn',
            reasons: 'Mentoring was on consent, now withdrawn',
            decidedBy: dpo,
            decidedAt: at,
          },
        },
        {
          type: 'ErasureNoticeIssued',
          data: {
            childId: 'c1',
            noticeId: 'e1:d1',
            requestId: 'e1',
            disclosureId: 'd1',
            recipientAgencyId: 'health',
            issuedBy: dpo,
            issuedAt: at,
          },
        },
        { type: 'ChildRecordErased', data: { childId: 'c1', cause: 'erasure-request', erasedBy: dpo, erasedAt: at } },
      ]);
  });

  it('a legal hold blocks an approval until it is lifted', () => {
    const error = given(retentionDecider, [requested, held]).when(approve).thenError('erasure.legal-hold');
    expect(error.kind).toBe('conflict');
    expect(
      given(retentionDecider, [requested, held, lifted])
        .when(approve)
        .events()
        .map((e) => e.type),
    ).toEqual(['ErasureDecided', 'ErasureNoticeIssued', 'ChildRecordErased']);
  });

  it('a refusal names the exemption that keeps the record, and erases nothing', () => {
    given(retentionDecider, [requested])
      .when({
        ...approve,
        outcome: 'refused',
        ground: undefined,
        exemption: 'legal-obligation-or-public-task',
        reasons: 'Child-protection file kept under KCSIE',
      })
      .then([
        {
          type: 'ErasureDecided',
          data: {
            childId: 'c1',
            requestId: 'e1',
            outcome: 'refused',
            exemption: 'legal-obligation-or-public-task',
            reasons: 'Child-protection file kept under KCSIE',
            decidedBy: dpo,
            decidedAt: at,
          },
        },
      ]);
  });

  it('names the field: a ground for an approval, an exemption for a refusal, never both', () => {
    expect(
      given(retentionDecider, [requested])
        .when({ ...approve, ground: undefined })
        .thenError('erasure.ground-required').field,
    ).toBe('ground');
    expect(
      given(retentionDecider, [requested])
        .when({ ...approve, outcome: 'refused', ground: undefined })
        .thenError('erasure.exemption-required').field,
    ).toBe('exemption');
    expect(
      given(retentionDecider, [requested])
        .when({ ...approve, exemption: 'legal-claims' })
        .thenError('erasure.exemption-with-approval').field,
    ).toBe('exemption');
  });

  it('refuses an unknown request or a second decision', () => {
    given(retentionDecider, []).when(approve).thenError('erasure.request-unknown');
    const decided: RetentionEvent = {
      type: 'ErasureDecided',
      data: {
        childId: 'c1',
        requestId: 'e1',
        outcome: 'refused',
        exemption: 'legal-claims',
        reasons: 'x',
        decidedBy: dpo,
        decidedAt: at,
      },
    };
    given(retentionDecider, [requested, decided]).when(approve).thenError('erasure.already-decided');
  });
});
