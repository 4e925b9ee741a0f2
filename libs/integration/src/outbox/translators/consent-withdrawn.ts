import type { Translator } from './translator';
import { occurredAt } from './translator';

/**
 * ConsentWithdrawn (libs/domain/src/consent) -> consent-withdrawn.v1.
 * Agencies that received information under the consent must stop from `withdrawnAt`.
 * Who withdrew is given by kind and relationship only; their name and reason stay here.
 */
export const consentWithdrawn: Translator = {
  domainEventType: 'ConsentWithdrawn',
  translate(event, childRef) {
    const data = event.data as {
      consentId?: unknown;
      withdrawnAt?: unknown;
      withdrawnBy?: { kind?: unknown; relationship?: unknown };
    };
    const withdrawnBy =
      data.withdrawnBy?.kind === 'parent-carer'
        ? { kind: 'parent-carer', relationship: data.withdrawnBy.relationship }
        : { kind: data.withdrawnBy?.kind };
    return [
      {
        type: 'consent-withdrawn',
        schemaVersion: 1,
        payload: {
          childRef,
          consentId: data.consentId,
          withdrawnAt: data.withdrawnAt,
          withdrawnBy,
          occurredAt: occurredAt(event),
        },
        // Box 14 owes the notice to everyone who received information under the consent.
        disclosure: {
          recipient: `recipients-of-consent:${String(data.consentId)}`,
          basis: { kind: 'consent', consentIds: [data.consentId] },
        },
      },
    ];
  },
};
