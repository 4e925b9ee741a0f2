import type { CafEvent } from '@app/domain';
import { applyToFamilyCopy, type FamilyCopy } from './family-copy';

const practitioner = { userId: 'u-nurse', role: 'practitioner', agencyId: 'health' };
const started: CafEvent = {
  type: 'CafStarted',
  data: {
    cafId: 'k1',
    childId: 'c1',
    startedBy: practitioner,
    startedOn: '2026-02-02',
    consentId: 'consent-1',
    reasonForAssessment: 'r',
  },
};
const contribution = (contributionId: string, extra: object): CafEvent =>
  ({
    type: 'CafContributionRecorded',
    data: {
      cafId: 'k1',
      childId: 'c1',
      contributionId,
      domain: 'development-of-the-child',
      element: 'health',
      text: 't',
      contributor: practitioner,
      recordedOn: '2026-02-03',
      secondHand: false,
      ...extra,
    },
  }) as CafEvent;
const fold = (events: CafEvent[]) => events.reduce<FamilyCopy | null>(applyToFamilyCopy, null);

describe('family-held CAF copy', () => {
  it('leaves out what is withheld, and fails closed when the flag is missing', () => {
    const copy = fold([
      started,
      contribution('x1', { withheldFromFamily: false }),
      contribution('x2', { withheldFromFamily: true, withheldReason: 'risk' }),
      contribution('x3', {}),
    ]);
    expect(copy?.assessment.map((e) => e.contributionId)).toEqual(['x1']);
  });

  it('a withheld correction removes what it corrects without showing itself', () => {
    const copy = fold([
      started,
      contribution('x1', { withheldFromFamily: false }),
      contribution('x2', { withheldFromFamily: true, supersedes: 'x1' }),
    ]);
    expect(copy?.assessment).toEqual([]);
  });

  it('names practitioners by role and agency, never by account', () => {
    const copy = fold([started, contribution('x1', { withheldFromFamily: false })]);
    expect(JSON.stringify(copy)).not.toContain('u-nurse');
  });
});
