import type { Translator } from './translator';
import { contractBasis } from './disclosure';
import { occurredAt, pick } from './translator';

/**
 * ConcernReferredToSocialCare (libs/domain/src/concern)
 * -> referral-to-social-care.v1: that a referral was made, on what lawful basis, how urgent.
 * What social care may read about the child travels as disclosure-to-agency.v1.
 */
export const referralToSocialCare: Translator = {
  domainEventType: 'ConcernReferredToSocialCare',
  translate(event, childRef) {
    const data = event.data as Record<string, unknown> & { referredBy?: { role?: unknown; agencyId?: unknown } };
    return [
      {
        type: 'referral-to-social-care',
        schemaVersion: 1,
        recipientAgencyId: 'social-care',
        payload: {
          childRef,
          ...pick(data, ['concernId', 'referredAt', 'urgency', 'categories']),
          basis: contractBasis(data.basis as never),
          referredBy: { role: data.referredBy?.role, agencyId: data.referredBy?.agencyId },
          occurredAt: occurredAt(event),
        },
        disclosure: {
          recipient: 'social-care',
          basis: data.basis as Record<string, unknown>,
          carries: `referral:${String(data.concernId)}`,
        },
      },
    ];
  },
};
