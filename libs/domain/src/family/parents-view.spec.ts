import type { ConsentDecision } from '../consent/state';
import { categoriesWithheldFromParents } from './parents-view';

/** A child's own refusal that their parents see their health information, as the consent domain folds it. */
const childRefusesParents = (childAge: number, childCompetent: boolean): ConsentDecision => ({
  consentId: 'refusal-1',
  kind: 'refused',
  giver: { kind: 'child' },
  scope: { purposes: ['information-sharing'], recipients: ['parent-carer'], categories: ['health'] },
  effectiveOn: '2026-11-20',
  childAge,
  childCompetent,
  sequence: 0,
});

describe("a parent's view of the child's information (seed 003 §1d, Box 15)", () => {
  const at = '2026-12-01T10:00:00.000Z';

  it('withholds what a competent 14-year-old refused their parents', () => {
    expect(categoriesWithheldFromParents([childRefusesParents(14, true)], at)).toEqual(['health']);
  });

  it("shows an under-12 child's information to the parent against the child's wishes", () => {
    expect(categoriesWithheldFromParents([childRefusesParents(10, false)], at)).toEqual([]);
  });

  it('does not let the refusal of a 13-year-old not found competent bind the parent', () => {
    expect(categoriesWithheldFromParents([childRefusesParents(13, false)], at)).toEqual([]);
  });

  it('withholds nothing before the refusal was made, and nothing where there is none', () => {
    expect(categoriesWithheldFromParents([childRefusesParents(14, true)], '2026-11-19T10:00:00.000Z')).toEqual([]);
    expect(categoriesWithheldFromParents([], at)).toEqual([]);
  });

  it('withholds what a competent child gave and then withdrew from their parents', () => {
    const given: ConsentDecision = {
      ...childRefusesParents(14, true),
      kind: 'given',
      expiresOn: '2027-07-01',
      withdrawnAt: '2026-11-25T09:00:00.000Z',
    };
    expect(categoriesWithheldFromParents([given], at)).toEqual(['health']);
  });
});
