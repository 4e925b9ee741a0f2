import type { ConsentScope, GiveConsent } from '@app/domain';
import { giveConsent, mother } from '@app/domain/testing';

/** The body that records a consent command through the API: the child and the consent id are the platform's. */
export const consentRequest = ({ giver, informed, scope, evidence, startsOn, expiresOn }: GiveConsent) => ({
  decision: 'given',
  giver,
  informed,
  scope,
  evidence,
  decidedOn: startsOn,
  expiresOn,
});

/** The mother who gives the suites' consents. */
export const consentingMother = { ...mother, name: 'Jo Smith' } as const;

/** A mother's written consent to learning-mentor support at Oakfield, as the school records it. */
export const parentalConsent = consentRequest(
  giveConsent({ giver: consentingMother, startsOn: '2026-09-07', expiresOn: '2027-07-23' }),
);

/** The same mother's consent to another purpose: what she was told it is for and who receives it, and what it covers. */
export const parentalConsentTo = (purpose: string, recipients: string, scope: ConsentScope) => ({
  ...parentalConsent,
  informed: { ...parentalConsent.informed, purpose, recipients },
  scope,
});
