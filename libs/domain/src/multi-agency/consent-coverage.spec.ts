import type { CoverageAnswer } from '../consent/coverage';
import type { ConsentCoverage } from './index';

// The consent context's answers are passed straight into MAST and CAF commands: these
// assignments fail to compile if the two shapes drift apart.
describe('consent coverage handed to MAST and CAF commands', () => {
  it("accepts the consent context's answers as they are", () => {
    const question = {
      purpose: 'mast-involvement',
      agencyId: 'mast',
      category: 'family-circumstances',
      at: '2026-01-09',
    } as const;
    const covered: Extract<CoverageAnswer, { basis: 'consent' }> = {
      covered: true,
      question,
      basis: 'consent',
      consentId: 'consent-1',
      giverKind: 'parent-carer',
    };
    const refused: Extract<CoverageAnswer, { covered: false }> = {
      covered: false,
      question,
      reason: 'withdrawn',
      explanation: 'withdrawn on 2026-01-05',
    };
    const answers: ConsentCoverage[] = [covered, refused];
    expect(answers.map((a) => a.covered)).toEqual([true, false]);
  });
});
