import { replay } from '../shared';
import { competentAssessment, giveConsent, refuseConsent, theChild, YEAR_9_DOB } from '../testing/consent-examples';
import type { ConsentCommand } from './commands';
import { type CoverageQuestion, consentCoverage } from './coverage';
import { consentDecider } from './decider';
import type { ConsentEvent } from './events';
import type { ConsentState } from './state';

/** Builds a consent history by deciding commands in turn, as the API would. */
function historyOf(...steps: Array<ConsentCommand | ConsentEvent>): ConsentState {
  const events: ConsentEvent[] = [];
  for (const step of steps) {
    if ('data' in step) {
      events.push(step);
      continue;
    }
    const outcome = consentDecider.decide(step, replay(consentDecider, events));
    if (!Array.isArray(outcome)) throw new Error(`${step.type} refused: ${outcome.rule}`);
    events.push(...outcome);
  }
  return replay(consentDecider, events);
}

const ask = (overrides: Partial<CoverageQuestion> = {}): CoverageQuestion => ({
  purpose: 'learning-mentor-support',
  agencyId: 'school-oakfield',
  category: 'attendance',
  at: '2026-02-02T10:00:00Z',
  ...overrides,
});

const withdrawal = (overrides: Partial<Extract<ConsentCommand, { type: 'WithdrawConsent' }>> = {}): ConsentCommand => ({
  type: 'WithdrawConsent',
  childId: 'child-1',
  childDateOfBirth: '2015-03-02',
  consentId: 'consent-1',
  withdrawnBy: { kind: 'parent-carer', name: 'Sadia Khan', relationship: 'mother' },
  withdrawnAt: '2026-03-10T09:30:00Z',
  evidence: { form: 'written', documentRef: 'letter-2026-03-10' },
  ...overrides,
});

describe('consentCoverage: is purpose P for agency A on category C covered at time T, and by which consent', () => {
  it("is covered by the parent's consent, naming it", () => {
    expect(consentCoverage(historyOf(giveConsent()), ask())).toEqual({
      covered: true,
      question: ask(),
      basis: 'consent',
      consentId: 'consent-1',
      giverKind: 'parent-carer',
    });
  });

  it('says plainly when no consent was ever given, naming what is needed', () => {
    const answer = consentCoverage(historyOf(), ask());
    expect(answer).toMatchObject({ covered: false, reason: 'no-consent' });
    expect(!answer.covered && answer.explanation).toBe(
      "Parental consent (or the competent child's own) for learning-mentor-support with school-oakfield on attendance has not been given",
    );
  });

  it('Box 14 scope: another agency or category is out of scope of the consent', () => {
    const history = historyOf(giveConsent());
    expect(consentCoverage(history, ask({ agencyId: 'mast' }))).toMatchObject({
      covered: false,
      reason: 'out-of-scope',
      consentId: 'consent-1',
    });
    expect(consentCoverage(history, ask({ category: 'health' }))).toMatchObject({
      covered: false,
      reason: 'out-of-scope',
      consentId: 'consent-1',
    });
    expect(consentCoverage(history, ask({ purpose: 'mast-involvement' }))).toMatchObject({
      covered: false,
      reason: 'no-consent',
    });
  });

  it('covers from its start day until the day before it expires', () => {
    const history = historyOf(giveConsent());
    expect(consentCoverage(history, ask({ at: '2026-01-11' }))).toMatchObject({
      covered: false,
      reason: 'not-yet-started',
      consentId: 'consent-1',
    });
    expect(consentCoverage(history, ask({ at: '2026-01-12' }))).toMatchObject({ covered: true });
    expect(consentCoverage(history, ask({ at: '2026-08-31T18:00:00Z' }))).toMatchObject({ covered: true });
    expect(consentCoverage(history, ask({ at: '2026-09-01' }))).toMatchObject({
      covered: false,
      reason: 'expired',
      consentId: 'consent-1',
    });
  });

  it('reads the day in England: 23:30 UTC on 31 August is already 1 September under BST', () => {
    expect(consentCoverage(historyOf(giveConsent()), ask({ at: '2026-08-31T23:30:00Z' }))).toMatchObject({
      covered: false,
      reason: 'expired',
    });
  });

  it('Box 14: a withdrawal takes effect at once for everything after it, and what came before stands', () => {
    const history = historyOf(giveConsent(), withdrawal());
    expect(consentCoverage(history, ask({ at: '2026-03-10T09:29:59Z' }))).toMatchObject({
      covered: true,
      consentId: 'consent-1',
    });
    const after = consentCoverage(history, ask({ at: '2026-03-10T09:30:00Z' }));
    expect(after).toMatchObject({ covered: false, reason: 'withdrawn', consentId: 'consent-1' });
    expect(!after.covered && after.explanation).toContain('withdrawn at 2026-03-10T09:30:00.000Z');
  });

  it("a parent's refusal supersedes their earlier consent; a consent given after the refusal covers again", () => {
    const refusedLater = historyOf(giveConsent(), refuseConsent({ refusedOn: '2026-01-20' }));
    expect(consentCoverage(refusedLater, ask())).toMatchObject({
      covered: false,
      reason: 'refused',
      consentId: 'refusal-1',
    });
    const thoughtAgain = historyOf(refuseConsent(), giveConsent({ startsOn: '2026-01-26' }));
    expect(consentCoverage(thoughtAgain, ask())).toMatchObject({ covered: true, consentId: 'consent-1' });
    expect(consentCoverage(thoughtAgain, ask({ at: '2026-01-20' }))).toMatchObject({
      covered: false,
      reason: 'refused',
    });
  });

  it('a consent still running covers though a later one has lapsed', () => {
    const history = historyOf(
      giveConsent({ expiresOn: '2027-09-01' }),
      giveConsent({ consentId: 'consent-2', expiresOn: '2026-01-31' }),
    );
    expect(consentCoverage(history, ask())).toMatchObject({ covered: true, consentId: 'consent-1' });
  });

  describe("a competent child's refusal binds for their own information (Box 15, §1d)", () => {
    const assessed = competentAssessment('2026-01-05', 14);
    const childRefuses = refuseConsent({
      consentId: 'child-refusal',
      giver: theChild,
      childDateOfBirth: YEAR_9_DOB,
      refusedOn: '2026-01-15',
    });

    it("over the parent's consent given before it", () => {
      const history = historyOf(assessed, giveConsent({ childDateOfBirth: YEAR_9_DOB }), childRefuses);
      expect(consentCoverage(history, ask())).toMatchObject({
        covered: false,
        reason: 'child-refusal-binds',
        consentId: 'child-refusal',
      });
      expect(consentCoverage(history, ask({ at: '2026-01-14' }))).toMatchObject({
        covered: true,
        consentId: 'consent-1',
      });
    });

    it("and over the parent's consent given after it", () => {
      const history = historyOf(
        assessed,
        childRefuses,
        giveConsent({ childDateOfBirth: YEAR_9_DOB, startsOn: '2026-01-20' }),
      );
      expect(consentCoverage(history, ask())).toMatchObject({ covered: false, reason: 'child-refusal-binds' });
    });

    it("but an 11-year-old's refusal records their wishes and does not bind against the parent (§1d)", () => {
      const history = historyOf(
        giveConsent(),
        refuseConsent({ consentId: 'child-refusal', giver: theChild, refusedOn: '2026-01-15' }),
      );
      expect(consentCoverage(history, ask())).toMatchObject({ covered: true, consentId: 'consent-1' });
    });

    it('nor does the refusal of a 14-year-old never assessed competent', () => {
      const history = historyOf(giveConsent({ childDateOfBirth: YEAR_9_DOB }), childRefuses);
      expect(consentCoverage(history, ask())).toMatchObject({ covered: true, consentId: 'consent-1' });
    });

    it("a competent child's own consent covers even when the parent refused", () => {
      const history = historyOf(
        assessed,
        refuseConsent({ childDateOfBirth: YEAR_9_DOB }),
        giveConsent({ consentId: 'own', giver: theChild, childDateOfBirth: YEAR_9_DOB, startsOn: '2026-01-15' }),
      );
      expect(consentCoverage(history, ask())).toMatchObject({ covered: true, consentId: 'own', giverKind: 'child' });
    });

    it("a competent child's withdrawal of the parent's consent ends it for everything after", () => {
      const history = historyOf(
        assessed,
        giveConsent({ childDateOfBirth: YEAR_9_DOB }),
        withdrawal({ childDateOfBirth: YEAR_9_DOB, withdrawnBy: theChild }),
      );
      expect(consentCoverage(history, ask({ at: '2026-03-11' }))).toMatchObject({
        covered: false,
        reason: 'withdrawn',
        consentId: 'consent-1',
      });
    });
  });

  describe("§1d: a parent obtains information against the child's wishes only when the child is under 12", () => {
    const parentAccess = ask({ agencyId: 'parent-carer', purpose: 'information-sharing', category: 'behaviour' });
    const refusesParents = {
      purposes: ['information-sharing'],
      recipients: ['parent-carer'],
      categories: ['behaviour', 'family-circumstances'],
    } as const;

    it("a parent sees their 10-year-old's information by parental responsibility, though the child objected", () => {
      const history = historyOf(
        refuseConsent({ consentId: 'child-objection', giver: theChild, scope: refusesParents }),
      );
      expect(consentCoverage(history, parentAccess)).toEqual({
        covered: true,
        question: parentAccess,
        basis: 'parental-responsibility',
      });
    });

    it('a competent 14-year-old who refuses parental access is obeyed', () => {
      const history = historyOf(
        competentAssessment('2026-01-05', 14),
        refuseConsent({
          consentId: 'child-objection',
          giver: theChild,
          childDateOfBirth: YEAR_9_DOB,
          scope: refusesParents,
        }),
      );
      expect(consentCoverage(history, parentAccess)).toMatchObject({
        covered: false,
        reason: 'child-refusal-binds',
        consentId: 'child-objection',
      });
      // Only for what the refusal covers: attendance was not part of it.
      expect(consentCoverage(history, { ...parentAccess, category: 'attendance' })).toMatchObject({
        covered: true,
        basis: 'parental-responsibility',
      });
    });
  });
});
