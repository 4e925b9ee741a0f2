import type { Translator } from './translator';
import { occurredAt, pick } from './translator';

interface Basis {
  readonly kind?: unknown;
  readonly consentIds?: unknown;
  readonly ground?: unknown;
}

/** The contract's basis: one consent, or a Box 13 ground ("no-consent"). */
export const contractBasis = (basis: Basis | undefined) =>
  basis?.kind === 'consent'
    ? { kind: 'consent', consentId: Array.isArray(basis.consentIds) ? basis.consentIds[0] : undefined }
    : { kind: 'no-consent', ground: basis?.ground };

const isParent = (recipient: { agencyId?: unknown } | undefined) => recipient?.agencyId === 'parent-carer';

/**
 * DisclosureMade (libs/domain/src/sharing) -> disclosure-to-agency.v1 for that one recipient:
 * the disclosed values grouped by category. Only categories the disclosure itemised leave,
 * whatever else the content holds. A disclosure to the family goes nowhere on the bus.
 */
export const disclosureToAgency: Translator = {
  domainEventType: 'DisclosureMade',
  translate(event, childRef) {
    const data = event.data as Record<string, unknown> & {
      recipient?: { agencyId?: unknown };
      items?: Array<{ category?: unknown }>;
      content?: Array<{ category?: unknown; values?: Record<string, unknown> }>;
      basis?: Basis;
    };
    if (isParent(data.recipient)) return [];
    const categories = [...new Set((data.items ?? []).map((i) => i.category).filter((c): c is string => typeof c === 'string'))];
    const information: Record<string, Record<string, unknown>> = {};
    for (const item of data.content ?? []) {
      if (typeof item.category !== 'string' || !categories.includes(item.category)) continue;
      information[item.category] = { ...information[item.category], ...item.values };
    }
    return [
      {
        type: 'disclosure-to-agency',
        schemaVersion: 1,
        recipientAgencyId: typeof data.recipient?.agencyId === 'string' ? data.recipient.agencyId : undefined,
        payload: {
          childRef,
          ...pick(data, ['disclosureId', 'disclosedAt']),
          decisionId: data.sharingId,
          recipientAgencyId: data.recipient?.agencyId,
          basis: contractBasis(data.basis),
          categories,
          information,
          occurredAt: occurredAt(event),
        },
        disclosure: { recipient: String(data.recipient?.agencyId), basis: { ...data.basis }, carries: String(data.disclosureId) },
      },
    ];
  },
};

/**
 * CorrectionNoticeIssued -> correction-notice.v1 to the agency that received the disclosure
 * being corrected, with the corrected values of the fields it received.
 */
export const correctionNotice: Translator = {
  domainEventType: 'CorrectionNoticeIssued',
  translate(event, childRef) {
    const data = event.data as Record<string, unknown> & { recipient?: { agencyId?: unknown }; category?: unknown };
    if (isParent(data.recipient)) return [];
    return [
      {
        type: 'correction-notice',
        schemaVersion: 1,
        recipientAgencyId: typeof data.recipient?.agencyId === 'string' ? data.recipient.agencyId : undefined,
        payload: {
          childRef,
          ...pick(data, ['noticeId', 'disclosureId', 'issuedAt']),
          recipientAgencyId: data.recipient?.agencyId,
          categories: [data.category],
          corrected: typeof data.category === 'string' ? { [data.category]: data.corrected } : {},
          occurredAt: occurredAt(event),
        },
        // A correction is owed under the basis of the disclosure it corrects: the ledger entry it joins.
        disclosure: { recipient: String(data.recipient?.agencyId), basis: { kind: 'correction-of', disclosureId: data.disclosureId }, carries: String(data.disclosureId) },
      },
    ];
  },
};
