import type { Translator } from './translator';
import { occurredAt, onlyListed, pick } from './translator';

/**
 * DisclosureMade (expected data, from the lawful information-sharing work):
 *   { disclosureId, childId, decisionId, recipientAgencyId, basis: { kind: 'consent', consentId } |
 *     { kind: 'no-consent', ground }, categories: InformationCategory[],
 *     information*: { [category]: any JSON }, disclosedAt }
 * -> disclosure-to-agency.v1 for that one recipient. Only the categories the sharing decision
 * allowed (`categories`) leave, even if `information` holds more.
 */
export const disclosureToAgency: Translator = {
  domainEventType: 'DisclosureMade',
  translate(event, childRef) {
    const data = event.data;
    return [
      {
        type: 'disclosure-to-agency',
        schemaVersion: 1,
        recipientAgencyId: typeof data.recipientAgencyId === 'string' ? data.recipientAgencyId : undefined,
        payload: {
          childRef,
          ...pick(data, ['disclosureId', 'decisionId', 'recipientAgencyId', 'basis', 'categories', 'disclosedAt']),
          information: onlyListed(data.information, data.categories),
          occurredAt: occurredAt(event),
        },
      },
    ];
  },
};

/**
 * CorrectionNoticeIssued (expected data):
 *   { noticeId, childId, disclosureId, recipientAgencyId, categories: InformationCategory[],
 *     corrected*: { [category]: any JSON }, reason*, issuedAt }
 * -> correction-notice.v1 to the agency that received the disclosure being corrected,
 * carrying the corrected values of the listed categories only.
 */
export const correctionNotice: Translator = {
  domainEventType: 'CorrectionNoticeIssued',
  translate(event, childRef) {
    const data = event.data;
    return [
      {
        type: 'correction-notice',
        schemaVersion: 1,
        recipientAgencyId: typeof data.recipientAgencyId === 'string' ? data.recipientAgencyId : undefined,
        payload: {
          childRef,
          ...pick(data, ['noticeId', 'disclosureId', 'recipientAgencyId', 'categories', 'issuedAt']),
          corrected: onlyListed(data.corrected, data.categories),
          occurredAt: occurredAt(event),
        },
      },
    ];
  },
};
