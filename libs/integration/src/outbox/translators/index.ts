import { consentWithdrawn } from './consent-withdrawn';
import { correctionNotice, disclosureToAgency } from './disclosure';
import { erasureNotice } from './erasure-notice';
import { mastRequestDecided, mastRequestReceived } from './mast-request';
import { referralToSocialCare } from './referral-to-social-care';
import type { Translator } from './translator';

export type { Translator } from './translator';

/** Domain event type -> its translator. A domain event not listed here causes no integration event. */
export const integrationTranslators: ReadonlyMap<string, Translator> = new Map(
  [
    consentWithdrawn,
    mastRequestReceived,
    mastRequestDecided,
    referralToSocialCare,
    disclosureToAgency,
    correctionNotice,
    erasureNotice,
  ].map((t) => [t.domainEventType, t] as const),
);
