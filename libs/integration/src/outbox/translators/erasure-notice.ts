import type { Translator } from './translator';
import { occurredAt, pick } from './translator';

/**
 * ErasureNoticeIssued (libs/domain/src/retention) -> erasure-notice.v1 to the agency that
 * received the disclosure: the child's record it came from was erased (UK GDPR Art. 19).
 * It names the disclosure the agency holds, nothing about the child.
 */
export const erasureNotice: Translator = {
  domainEventType: 'ErasureNoticeIssued',
  translate(event, childRef) {
    const data = event.data as Record<string, unknown> & { recipientAgencyId?: unknown; issuedAt?: unknown };
    if (data.recipientAgencyId === 'parent-carer') return [];
    return [
      {
        type: 'erasure-notice',
        schemaVersion: 1,
        recipientAgencyId: typeof data.recipientAgencyId === 'string' ? data.recipientAgencyId : undefined,
        payload: {
          childRef,
          ...pick(data, ['noticeId', 'disclosureId', 'recipientAgencyId']),
          erasedAt: data.issuedAt,
          occurredAt: occurredAt(event),
        },
        // Owed under the disclosure it follows up, like a correction: it joins that ledger entry.
        disclosure: {
          recipient: String(data.recipientAgencyId),
          basis: { kind: 'erasure-of', disclosureId: data.disclosureId },
          carries: String(data.disclosureId),
        },
      },
    ];
  },
};
