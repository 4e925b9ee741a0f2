import type { Translator } from './translator';
import { occurredAt, pick } from './translator';

/**
 * MastRequestMade (libs/domain/src/mast-request, expected data):
 *   { requestId, childId, schoolId, requestedBy: { userId, role, agencyId }, parentsInvolved*, needs*,
 *     alreadyTried*, levelOfNeed: 1..4, consentId, receivedAt }   (* personal, never sent)
 * -> mast-request-received.v1: the request exists, from which school, at what level of need.
 */
export const mastRequestReceived: Translator = {
  domainEventType: 'MastRequestMade',
  translate(event, childRef) {
    const data = event.data as Record<string, unknown> & { requestedBy?: { role?: unknown; agencyId?: unknown } };
    return [
      {
        type: 'mast-request-received',
        schemaVersion: 1,
        payload: {
          childRef,
          ...pick(data, ['requestId', 'schoolId', 'levelOfNeed', 'consentId', 'receivedAt']),
          requestedBy: { role: data.requestedBy?.role, agencyId: data.requestedBy?.agencyId },
          occurredAt: occurredAt(event),
        },
        disclosure: { recipient: 'mast', basis: { kind: 'consent', consentIds: [data.consentId] } },
      },
    ];
  },
};

/**
 * MastRequestDecided (expected data):
 *   { requestId, childId, panelDate, decision: { outcome, allocation?: { workerId, kind }, service?,
 *     signpostTo?, informationNeeded? }, reason*, responseDueBy, responseOwner, firstContactDueBy? }
 * -> mast-request-decided.v1: the outcome and its deadlines; the panel's reasons and what it
 * asked for stay in the platform (they speak about the family).
 */
export const mastRequestDecided: Translator = {
  domainEventType: 'MastRequestDecided',
  translate(event, childRef) {
    const data = event.data as Record<string, unknown> & {
      decision?: Record<string, unknown> & { allocation?: { kind?: unknown } };
    };
    const decision = data.decision ?? {};
    return [
      {
        type: 'mast-request-decided',
        schemaVersion: 1,
        payload: {
          childRef,
          ...pick(data, ['requestId', 'panelDate', 'responseDueBy', 'firstContactDueBy']),
          decision: {
            outcome: decision.outcome,
            ...(decision.allocation ? { allocationKind: decision.allocation.kind } : {}),
            ...pick(decision, ['service', 'signpostTo']),
          },
          occurredAt: occurredAt(event),
        },
        // The answer to the school that asked, under the consent its request was made on.
        disclosure: {
          recipient: 'requesting-school',
          basis: { kind: 'consent', under: `mast-request:${String(data.requestId)}` },
        },
      },
    ];
  },
};
