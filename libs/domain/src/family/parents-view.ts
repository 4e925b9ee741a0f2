import { CONSENT_PURPOSES, INFORMATION_CATEGORIES, type InformationCategory, type IsoInstant } from '../shared';
import { consentCoverage } from '../consent/coverage';
import type { ConsentDecision } from '../consent/state';

/**
 * The categories of the child's information a parent may not see at `at`: those where the
 * consent domain's own coverage answers no for the parent as recipient, for any purpose.
 * That happens only where a child who decides for themselves (12 or over and competent,
 * Box 15) refused or withdrew their parents' access; under 12 the parent obtains the
 * information by parental responsibility, against the child's wishes (seed 003 §1d). Any
 * purpose: what the family sees is not read for one purpose, so a refusal under any binds.
 */
export function categoriesWithheldFromParents(
  decisions: readonly ConsentDecision[],
  at: IsoInstant,
): InformationCategory[] {
  return INFORMATION_CATEGORIES.filter((category) =>
    CONSENT_PURPOSES.some(
      (purpose) => !consentCoverage({ decisions }, { purpose, agencyId: 'parent-carer', category, at }).covered,
    ),
  );
}
