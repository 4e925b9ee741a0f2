import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@app/event-store';

/** A hand-built RecordedEvent, as the store would return it with personal fields opened. */
export function recordedEvent(
  type: string,
  data: Record<string, unknown>,
  overrides: Partial<RecordedEvent> = {},
): RecordedEvent {
  return {
    eventId: randomUUID(),
    streamId: `test-${randomUUID()}`,
    revision: 0n,
    globalPosition: 1n,
    checkpoint: { commit: 1n, position: 1n },
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: { userId: 'u-dsl', role: 'dsl', agencyId: 'school-oakfield' },
      correlationId: randomUUID(),
      childId: typeof data.childId === 'string' ? data.childId : undefined,
    },
    occurredAt: new Date('2025-11-20T10:15:00.000Z'),
    ...overrides,
  };
}

/** Domain event data of each mapped type, as the aggregates (some on other branches) write it. */
export const sampleDomainEvents = {
  ConsentWithdrawn: (childId: string) => ({
    consentId: 'consent-1',
    childId,
    withdrawnBy: { kind: 'parent-carer', relationship: 'mother' },
    withdrawnByName: 'Sara Khan',
    withdrawnAt: '2025-11-20T10:00:00.000Z',
    evidence: { form: 'written', documentRef: 'doc-7' },
    reason: 'We are moving away',
  }),
  MastRequestMade: (childId: string) => ({
    requestId: 'mast-req-1',
    childId,
    schoolId: 'school-oakfield',
    requestedBy: { userId: 'u-senco', role: 'senco', agencyId: 'school-oakfield' },
    parentsInvolved: [{ name: 'Sara Khan', relationship: 'mother' }],
    needs: 'Struggling since a bereavement',
    alreadyTried: 'Learning mentor sessions',
    levelOfNeed: 3,
    consentId: 'consent-1',
    receivedAt: '2025-11-18T09:00:00.000Z',
  }),
  MastRequestDecided: (childId: string) => ({
    requestId: 'mast-req-1',
    childId,
    panelDate: '2025-11-19',
    decision: { outcome: 'accept-allocate', allocation: { workerId: 'u-kw', kind: 'key-worker' } },
    reason: 'Family asked for support at home',
    responseDueBy: '2025-11-26',
    responseOwner: { userId: 'u-coord', role: 'mast-coordinator', agencyId: 'mast' },
    firstContactDueBy: '2025-12-03',
  }),
  ConcernReferredToSocialCare: (childId: string) => ({
    concernId: 'concern-1',
    childId,
    referredBy: { userId: 'u-dsl', role: 'dsl', agencyId: 'school-oakfield' },
    referredOn: '2025-11-20',
    referredAt: '2025-11-20T11:00:00.000Z',
    basis: { kind: 'without-consent', ground: 'risk-of-significant-harm' },
    urgency: 'immediate',
    categories: ['safeguarding', 'family-circumstances'],
    summary: 'Disclosed an injury at home',
    decisionDueBy: '2025-11-21',
  }),
  DisclosureMade: (childId: string) => ({
    sharingId: 'decision-1',
    disclosureId: 'disclosure-1',
    childId,
    recipient: { agencyId: 'health', userId: 'u-nurse' },
    items: [
      { recordRef: 'child-record:1', category: 'attendance', fields: ['percent'] },
      { recordRef: 'note:1', category: 'health', fields: ['summary'] },
    ],
    content: [
      { recordRef: 'child-record:1', category: 'attendance', values: { percent: 82 } },
      { recordRef: 'note:1', category: 'health', values: { summary: 'Asthma, inhaler in school' } },
      { recordRef: 'note:2', category: 'safeguarding', values: { summary: 'NOT ALLOWED' } },
    ],
    channel: 'platform',
    basis: { kind: 'consent', consentIds: ['consent-1'], parentalResponsibility: false },
    disclosedBy: { userId: 'u-mentor', role: 'learning-mentor', agencyId: 'school-oakfield' },
    disclosedAt: '2025-11-20T12:00:00.000Z',
  }),
  CorrectionNoticeIssued: (childId: string) => ({
    noticeId: 'correction-1:disclosure-1',
    sharingId: 'decision-1',
    childId,
    disclosureId: 'disclosure-1',
    recipient: { agencyId: 'health', userId: 'u-nurse' },
    recordRef: 'child-record:1',
    category: 'attendance',
    corrected: { percent: 88 },
    reason: 'Register was wrong',
    issuedBy: { userId: 'u-mentor', role: 'learning-mentor', agencyId: 'school-oakfield' },
    issuedAt: '2025-11-21T09:00:00.000Z',
  }),
  ErasureNoticeIssued: (childId: string) => ({
    childId,
    noticeId: 'erasure-1:disclosure-1',
    requestId: 'erasure-1',
    disclosureId: 'disclosure-1',
    recipientAgencyId: 'health',
    issuedBy: { userId: 'dpo', role: 'dpo', agencyId: 'local-authority' },
    issuedAt: '2025-11-22T09:00:00.000Z',
  }),
} as const;
