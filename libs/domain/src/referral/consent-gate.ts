import { DomainError } from '../shared';
import type { CoverageAnswer, CoverageQuestion, NotCoveredReason } from '../consent/coverage';
import { MENTORING_CATEGORIES } from './vocabulary';

/** What a step needs covered: learning-mentor-support at the child's school, on each mentoring category. */
export const consentNeededForMentoring = (schoolId: `school-${string}`): ReadonlyArray<Omit<CoverageQuestion, 'at'>> =>
  MENTORING_CATEGORIES.map((category) => ({ purpose: 'learning-mentor-support', agencyId: schoolId, category }));

/**
 * A step refused for want of consent. Carries what is missing and why, so the API can
 * answer with more than a sentence.
 */
export class ConsentMissing extends DomainError {
  constructor(
    message: string,
    readonly missing: Omit<CoverageQuestion, 'at'>,
    readonly reason: NotCoveredReason | 'not-asked',
    readonly consentId?: string,
  ) {
    super('referral.parental-consent-required', message, 'conflict', undefined, {
      missingConsent: missing,
      consentReason: reason,
      ...(consentId ? { consentId } : {}),
    });
  }
}

const sameQuestion = (a: Omit<CoverageQuestion, 'at'> | undefined, b: Omit<CoverageQuestion, 'at'>) =>
  a?.purpose === b.purpose && a?.agencyId === b.agencyId && a?.category === b.category;

/**
 * 001: "Before this can begin a Referral Form and Primary Assessment Profile must be
 * received and parental consent gained." The caller asks consentCoverage; this checks
 * that every needed question was asked and answered covered, and names the first gap.
 * Returns the covering consent ids.
 */
export function requireMentoringConsent(
  step: string,
  schoolId: `school-${string}`,
  answers: readonly CoverageAnswer[] | undefined,
): readonly string[] | ConsentMissing {
  const consentIds: string[] = [];
  for (const needed of consentNeededForMentoring(schoolId)) {
    const answer = (Array.isArray(answers) ? answers : []).find((a) => sameQuestion(a?.question, needed));
    if (!answer) {
      return new ConsentMissing(
        `${step} needs parental consent for ${needed.purpose} with ${needed.agencyId} on ${needed.category}; it was not checked`,
        needed,
        'not-asked',
      );
    }
    if (!answer.covered)
      return new ConsentMissing(
        `${step} needs parental consent. ${answer.explanation}`,
        needed,
        answer.reason,
        answer.consentId,
      );
    if (answer.basis !== 'consent') {
      return new ConsentMissing(
        `${step} needs parental consent for ${needed.purpose} with ${needed.agencyId} on ${needed.category}`,
        needed,
        'no-consent',
      );
    }
    if (!consentIds.includes(answer.consentId)) consentIds.push(answer.consentId);
  }
  return consentIds;
}
