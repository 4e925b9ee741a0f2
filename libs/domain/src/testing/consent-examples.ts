import type { AssessCompetence, ConsentEvent, ConsentScope, GiveConsent, InformedOf, RefuseConsent } from '../consent';

/** Realistic consent material for tests: what a school tells a family, and typical scopes. */
export const informed: InformedOf = {
  purpose: 'So the learning mentor can support Amira with attendance and confidence',
  use: 'Planning one-to-one sessions and reviewing progress with her teacher',
  recipients: 'The learning mentor, the SENCo and her class teacher at Oakfield',
  retention: 'Kept in the locked case file until she leaves Oakfield, then passed to her next school',
};

export const mentoringScope: ConsentScope = {
  purposes: ['learning-mentor-support'],
  recipients: ['school-oakfield'],
  categories: ['education', 'attendance', 'behaviour'],
};

export const written = { form: 'written', documentRef: 'consent-form-2026-017' } as const;
export const mother = { kind: 'parent-carer', name: 'Sadia Khan', relationship: 'mother' } as const;
export const theChild = { kind: 'child' } as const;

/** Born 2015-03-02: 11 until 2026-03-02, 12 after. */
export const YEAR_6_DOB = '2015-03-02';
/** Born 2011-11-15: 14 from November 2025 to November 2026. */
export const YEAR_9_DOB = '2011-11-15';

export const giveConsent = (overrides: Partial<GiveConsent> = {}): GiveConsent => ({
  type: 'GiveConsent',
  consentId: 'consent-1',
  childId: 'child-1',
  childDateOfBirth: YEAR_6_DOB,
  giver: mother,
  informed,
  scope: mentoringScope,
  evidence: written,
  startsOn: '2026-01-12',
  expiresOn: '2026-09-01',
  ...overrides,
});

export const refuseConsent = (overrides: Partial<RefuseConsent> = {}): RefuseConsent => ({
  type: 'RefuseConsent',
  consentId: 'refusal-1',
  childId: 'child-1',
  childDateOfBirth: YEAR_6_DOB,
  giver: mother,
  informed,
  scope: mentoringScope,
  evidence: written,
  refusedOn: '2026-01-12',
  ...overrides,
});

/** A Gillick assessment in which the child meets every criterion. */
export const everyCriterionMet = [
  { criterion: 'understands-what-is-proposed', met: true },
  { criterion: 'understands-the-consequences', met: true },
  { criterion: 'can-weigh-up-and-decide', met: true },
  { criterion: 'decides-free-of-pressure', met: true },
] as const;

/** The DSL's command: a Year 9 child assessed competent to decide who sees what she tells her mentor. */
export const assessCompetence = (overrides: Partial<AssessCompetence> = {}): AssessCompetence => ({
  type: 'AssessCompetence',
  assessmentId: 'assessment-1',
  childId: 'child-1',
  childDateOfBirth: YEAR_9_DOB,
  assessedBy: { userId: 'u-dsl', role: 'dsl' },
  assessedOn: '2026-01-05',
  framework: 'gillick',
  decisionAbout: 'Who sees what I tell my learning mentor',
  criteria: everyCriterionMet,
  outcome: 'competent',
  ...overrides,
});

export const competentAssessment = (
  assessedOn: string,
  childAge: number,
  assessmentId = 'assessment-1',
): ConsentEvent => {
  const { type: _type, childDateOfBirth: _dateOfBirth, ...data } = assessCompetence({ assessedOn, assessmentId });
  return { type: 'CompetenceAssessed', data: { ...data, childAge } };
};
