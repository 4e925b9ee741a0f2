import type { CoverageAnswer } from '../consent/coverage';
import { DomainError } from '../shared';
import type { LawfulBasis } from './events';

/**
 * Consent as a basis: every category covered, for information-sharing, to the recipient,
 * now. A parent as recipient is covered by parental responsibility unless a competent
 * child's refusal binds (1d). Returns the basis, or the first gap as a refusal.
 */
export function consentBasis(
  coverage: readonly CoverageAnswer[] | undefined,
  categories: readonly string[],
  rule: string,
): LawfulBasis | DomainError {
  const answers = Array.isArray(coverage) ? coverage : [];
  const consentIds: string[] = [];
  let parentalResponsibility = false;
  for (const category of categories) {
    const answer = answers.find(
      (a) => a?.question?.category === category && a.question.purpose === 'information-sharing',
    );
    if (!answer)
      return new DomainError(rule, `Consent to information-sharing on ${category} was not checked`, 'conflict');
    if (!answer.covered)
      return new DomainError(rule, `No consent covers sharing ${category}: ${answer.explanation}`, 'conflict');
    if (answer.basis === 'parental-responsibility') parentalResponsibility = true;
    else if (!consentIds.includes(answer.consentId)) consentIds.push(answer.consentId);
  }
  return { kind: 'consent', consentIds, parentalResponsibility };
}
