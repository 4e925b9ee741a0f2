import type { CoverageAnswer, CoverageQuestion } from '../consent/coverage';
import { type ConsentPurpose, DomainError, type InformationCategory } from '../shared';

/**
 * Consent coverage as the consent context (libs/domain/src/consent) answers it for a
 * purpose: the caller asks it and passes the answer in, so the multi-agency deciders stay
 * pure and never read another stream. Structurally a subset of that context's CoverageAnswer.
 */
export type ConsentCoverage =
  | { readonly covered: true; readonly consentId: string }
  | { readonly covered: false; readonly reason: string; readonly explanation?: string };

/** The questions a multi-agency step asks of the consent context: one purpose, one recipient, each category. */
export const consentQuestions = (
  purpose: ConsentPurpose,
  agencyId: CoverageQuestion['agencyId'],
  categories: readonly InformationCategory[],
  at: string,
): CoverageQuestion[] => categories.map((category) => ({ purpose, agencyId, category, at }));

/**
 * Covered only when every question is covered by a consent; otherwise the first gap,
 * with the consent context's own explanation so the refusal says what is missing.
 */
export function coveredByConsent(answers: readonly CoverageAnswer[]): ConsentCoverage {
  const gap = answers.find((answer) => !answer.covered || answer.basis !== 'consent');
  if (!gap) {
    const first = answers[0];
    return first?.covered && first.basis === 'consent'
      ? { covered: true, consentId: first.consentId }
      : { covered: false, reason: 'no-consent' };
  }
  if (!gap.covered) return { covered: false, reason: gap.reason, explanation: gap.explanation };
  const q = gap.question;
  return {
    covered: false,
    reason: 'no-consent',
    explanation: `no consent covers ${q.purpose} with ${q.agencyId} on ${q.category}`,
  };
}

/** The consent a multi-agency step starts under, or the refusal naming the purpose and why it is not covered. */
export function consentCovering(
  rule: string,
  what: string,
  purpose: ConsentPurpose,
  consent: ConsentCoverage | undefined,
): { readonly consentId: string } | DomainError {
  if (consent?.covered) return { consentId: consent.consentId };
  const why = consent && !consent.covered ? `: ${consent.explanation ?? consent.reason}` : '';
  return new DomainError(rule, `${what} needs consent covering ${purpose}${why}`);
}
