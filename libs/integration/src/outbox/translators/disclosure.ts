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

/** Per category, the field names an itemised list names: what a message may say was disclosed or corrected. */
const fieldsByCategory = (
  items: ReadonlyArray<{ category?: unknown; fields?: unknown }>,
  categories: readonly string[],
): Record<string, string[]> => {
  const fields: Record<string, string[]> = {};
  for (const item of items) {
    if (typeof item.category !== 'string' || !categories.includes(item.category) || !Array.isArray(item.fields))
      continue;
    fields[item.category] = [
      ...new Set([...(fields[item.category] ?? []), ...item.fields.filter((f): f is string => typeof f === 'string')]),
    ];
  }
  return fields;
};

/**
 * DisclosureMade (libs/domain/src/sharing) -> disclosure-to-agency.v2 for that one recipient:
 * which fields of which categories were disclosed, never their values. A message once on a
 * topic cannot be erased, so the values stay in the platform, where the agency reads them
 * (its received-information) and where an erasure reaches them (ADR 016). A disclosure to
 * the family goes nowhere on the bus.
 */
export const disclosureToAgency: Translator = {
  domainEventType: 'DisclosureMade',
  translate(event, childRef) {
    const data = event.data as Record<string, unknown> & {
      recipient?: { agencyId?: unknown };
      items?: Array<{ category?: unknown; fields?: unknown }>;
      basis?: Basis;
    };
    if (isParent(data.recipient)) return [];
    const categories = [
      ...new Set((data.items ?? []).map((i) => i.category).filter((c): c is string => typeof c === 'string')),
    ];
    return [
      {
        type: 'disclosure-to-agency',
        schemaVersion: 2,
        recipientAgencyId: typeof data.recipient?.agencyId === 'string' ? data.recipient.agencyId : undefined,
        payload: {
          childRef,
          ...pick(data, ['disclosureId', 'disclosedAt']),
          decisionId: data.sharingId,
          recipientAgencyId: data.recipient?.agencyId,
          basis: contractBasis(data.basis),
          categories,
          fields: fieldsByCategory(data.items ?? [], categories),
          occurredAt: occurredAt(event),
        },
        disclosure: {
          recipient: String(data.recipient?.agencyId),
          basis: { ...data.basis },
          carries: String(data.disclosureId),
        },
      },
    ];
  },
};

/**
 * CorrectionNoticeIssued -> correction-notice.v2 to the agency that received the disclosure
 * being corrected: which of the fields it received were corrected; the values it reads in
 * its received-information, like the disclosure's.
 */
export const correctionNotice: Translator = {
  domainEventType: 'CorrectionNoticeIssued',
  translate(event, childRef) {
    const data = event.data as Record<string, unknown> & {
      recipient?: { agencyId?: unknown };
      category?: unknown;
      corrected?: unknown;
    };
    if (isParent(data.recipient)) return [];
    // The corrected values are sealed personal data; only their field names leave.
    const fields = data.corrected && typeof data.corrected === 'object' ? Object.keys(data.corrected) : [];
    return [
      {
        type: 'correction-notice',
        schemaVersion: 2,
        recipientAgencyId: typeof data.recipient?.agencyId === 'string' ? data.recipient.agencyId : undefined,
        payload: {
          childRef,
          ...pick(data, ['noticeId', 'disclosureId', 'issuedAt']),
          recipientAgencyId: data.recipient?.agencyId,
          categories: [data.category],
          correctedFields: typeof data.category === 'string' ? { [data.category]: fields } : {},
          occurredAt: occurredAt(event),
        },
        // A correction is owed under the basis of the disclosure it corrects: the ledger entry it joins.
        disclosure: {
          recipient: String(data.recipient?.agencyId),
          basis: { kind: 'correction-of', disclosureId: data.disclosureId },
          carries: String(data.disclosureId),
        },
      },
    ];
  },
};
