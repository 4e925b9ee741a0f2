import type { Translator } from './translator';
import { occurredAt, pick } from './translator';

/**
 * ConcernReferredToSocialCare (expected data):
 *   { concernId, childId, referredBy: { userId, role, agencyId }, referredAt,
 *     basis: { kind: 'consent', consentId } | { kind: 'no-consent', ground },   (ground: a Box 13 ground)
 *     urgency: 'immediate' | 'within-one-working-day' | 'standard', categories: InformationCategory[], summary* }
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
          ...pick(data, ['concernId', 'referredAt', 'basis', 'urgency', 'categories']),
          referredBy: { role: data.referredBy?.role, agencyId: data.referredBy?.agencyId },
          occurredAt: occurredAt(event),
        },
      },
    ];
  },
};
