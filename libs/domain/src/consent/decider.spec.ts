import { DomainError, isDomainError, replay } from '../shared';
import { given } from '../testing/given';
import {
  competentAssessment,
  giveConsent,
  informed,
  mentoringScope,
  mother,
  refuseConsent,
  theChild,
  written,
  YEAR_6_DOB,
  YEAR_9_DOB,
} from '../testing/consent-examples';
import { consentDecider } from './decider';
import type { ConsentEvent } from './events';

const consentGiven: ConsentEvent = {
  type: 'ConsentGiven',
  data: {
    consentId: 'consent-1',
    childId: 'child-1',
    giver: { kind: 'parent-carer', relationship: 'mother' },
    giverName: 'Sadia Khan',
    informed,
    scope: mentoringScope,
    evidence: written,
    startsOn: '2026-01-12',
    expiresOn: '2026-09-01',
    childAge: 10,
    childCompetent: false,
  },
};

const expectInvalid = (error: DomainError, field: string) => {
  expect(error.kind).toBe('invalid');
  expect(error.field).toBe(field);
};

describe('consent (consent-{childId}): recording informed consent', () => {
  it("records a parent's written consent with what they were told, its scope, evidence, start and expiry (Box 14)", () => {
    given(consentDecider, []).when(giveConsent()).then([consentGiven]);
  });

  it("keeps the giver's name in its own field so it can be sealed as personal data", () => {
    const [event] = given(consentDecider, []).when(giveConsent()).events();
    expect(event.data).toMatchObject({
      giver: { kind: 'parent-carer', relationship: 'mother' },
      giverName: 'Sadia Khan',
    });
    expect(JSON.stringify((event.data as { giver: unknown }).giver)).not.toContain('Sadia');
  });

  it('refuses a consent id used before', () => {
    given(consentDecider, [consentGiven]).when(giveConsent()).thenError('consent.id-already-used');
  });

  it.each(['purpose', 'use', 'recipients', 'retention'] as const)(
    'Box 14: consent is not informed unless the person was told the %s',
    (point) => {
      const error = given(consentDecider, [])
        .when(giveConsent({ informed: { ...informed, [point]: '  ' } }))
        .thenError('consent.must-be-informed');
      expectInvalid(error, `informed.${point}`);
    },
  );

  it('Box 14: written consent names the document that holds it', () => {
    const error = given(consentDecider, [])
      .when(giveConsent({ evidence: { form: 'written', documentRef: '' } }))
      .thenError('consent.written-evidence-needs-document');
    expectInvalid(error, 'evidence.documentRef');
  });

  it('Box 14: verbal consent is accepted when it records who heard it', () => {
    const events = given(consentDecider, [])
      .when(giveConsent({ evidence: { form: 'verbal', witnessedBy: 'Learning mentor, phone call 12 Jan' } }))
      .events();
    expect(events[0].data).toMatchObject({ evidence: { form: 'verbal' } });
    given(consentDecider, [])
      .when(giveConsent({ evidence: { form: 'verbal', witnessedBy: '' } }))
      .thenError('consent.verbal-evidence-needs-witness');
  });

  it('scope speaks the platform vocabulary: purposes × recipient agencies × categories', () => {
    expectInvalid(
      given(consentDecider, [])
        .when(giveConsent({ scope: { ...mentoringScope, purposes: [] } }))
        .thenError('consent.scope-required'),
      'scope.purposes',
    );
    expectInvalid(
      given(consentDecider, [])
        .when(giveConsent({ scope: { ...mentoringScope, recipients: ['school-oakfield', 'the-newspaper' as never] } }))
        .thenError('value.not-allowed'),
      'scope.recipients[1]',
    );
    expectInvalid(
      given(consentDecider, [])
        .when(giveConsent({ scope: { ...mentoringScope, categories: ['gossip' as never] } }))
        .thenError('value.not-allowed'),
      'scope.categories[0]',
    );
  });

  it('a consent expires after it starts, and both are real days', () => {
    expectInvalid(
      given(consentDecider, [])
        .when(giveConsent({ expiresOn: '2026-01-12' }))
        .thenError('consent.expiry-after-start'),
      'expiresOn',
    );
    expectInvalid(
      given(consentDecider, [])
        .when(giveConsent({ startsOn: '2026-02-30' }))
        .thenError('value.date-required'),
      'startsOn',
    );
  });

  it('names the bad field of the giver', () => {
    expectInvalid(
      given(consentDecider, [])
        .when(giveConsent({ giver: { ...mother, name: '' } }))
        .thenError('value.text-required'),
      'giver.name',
    );
    expectInvalid(
      given(consentDecider, [])
        .when(giveConsent({ giver: { ...mother, relationship: 'neighbour' as never } }))
        .thenError('value.not-allowed'),
      'giver.relationship',
    );
  });
});

describe('consent: who may consent depends on age and competence (seed 003 §1d, Figure 8, Box 15)', () => {
  it('§1d: under 12 a parent or carer decides; an 11-year-old cannot consent alone', () => {
    given(consentDecider, [competentAssessment('2026-01-05', 10)])
      .when(giveConsent({ giver: theChild }))
      .thenError('consent.parent-decides-under-12');
  });

  it('Box 15: a 14-year-old not assessed competent cannot consent for themselves', () => {
    given(consentDecider, [])
      .when(giveConsent({ giver: theChild, childDateOfBirth: YEAR_9_DOB }))
      .thenError('consent.child-not-competent');
  });

  it('Box 15: a 14-year-old assessed competent (Gillick) consents for themselves, citing the assessment', () => {
    const [event] = given(consentDecider, [competentAssessment('2026-01-05', 14)])
      .when(giveConsent({ giver: theChild, childDateOfBirth: YEAR_9_DOB }))
      .events();
    expect(event.data).toMatchObject({
      giver: { kind: 'child' },
      childAge: 14,
      childCompetent: true,
      competenceAssessmentId: 'assessment-1',
    });
    expect(event.data).not.toHaveProperty('giverName');
  });

  it('competence is judged on the day: an assessment made after the decision does not count', () => {
    given(consentDecider, [competentAssessment('2026-02-01', 14)])
      .when(giveConsent({ giver: theChild, childDateOfBirth: YEAR_9_DOB, startsOn: '2026-01-12' }))
      .thenError('consent.child-not-competent');
  });

  it('a later assessment finding the child not competent replaces an earlier finding', () => {
    const notCompetent: ConsentEvent = {
      type: 'CompetenceAssessed',
      data: {
        ...(competentAssessment('2026-01-08', 14, 'assessment-2').data as object),
        outcome: 'not-competent',
      } as never,
    };
    given(consentDecider, [competentAssessment('2026-01-05', 14), notCompetent])
      .when(giveConsent({ giver: theChild, childDateOfBirth: YEAR_9_DOB }))
      .thenError('consent.child-not-competent');
  });

  it('from 16 competence is presumed', () => {
    const [event] = given(consentDecider, [])
      .when(giveConsent({ giver: theChild, childDateOfBirth: '2009-06-01' }))
      .events();
    expect(event.data).toMatchObject({ childAge: 16, childCompetent: true });
  });

  it('at 18 the young person is an adult: a parent can no longer consent for them', () => {
    given(consentDecider, [])
      .when(giveConsent({ childDateOfBirth: '2007-06-01' }))
      .thenError('consent.adult-decides-for-themselves');
  });

  it("a parent may consent for a competent 14-year-old too (the child's refusal, if any, is what binds)", () => {
    const [event] = given(consentDecider, [competentAssessment('2026-01-05', 14)])
      .when(giveConsent({ childDateOfBirth: YEAR_9_DOB }))
      .events();
    expect(event.data).toMatchObject({ giver: { kind: 'parent-carer' }, childCompetent: true });
  });

  it('refuses a date of birth after the decision', () => {
    expectInvalid(
      given(consentDecider, [])
        .when(giveConsent({ childDateOfBirth: '2026-05-01' }))
        .thenError('consent.born-after-decision'),
      'childDateOfBirth',
    );
  });
});

describe('consent: refusal', () => {
  it("records a parent's refusal with what they were asked and their reason", () => {
    const [event] = given(consentDecider, [])
      .when(refuseConsent({ reason: 'We will deal with it at home' }))
      .events();
    expect(event).toMatchObject({
      type: 'ConsentRefused',
      data: { consentId: 'refusal-1', refusedOn: '2026-01-12', reason: 'We will deal with it at home' },
    });
  });

  it("§1d: an 11-year-old's refusal is recorded as their wishes, marked not competent to bind", () => {
    const [event] = given(consentDecider, [])
      .when(refuseConsent({ giver: theChild }))
      .events();
    expect(event.data).toMatchObject({ giver: { kind: 'child' }, childAge: 10, childCompetent: false });
  });

  it("Box 15: a competent 14-year-old's refusal is recorded as competent, so it binds", () => {
    const [event] = given(consentDecider, [competentAssessment('2026-01-05', 14)])
      .when(
        refuseConsent({
          giver: theChild,
          childDateOfBirth: YEAR_9_DOB,
          scope: { ...mentoringScope, recipients: ['parent-carer'] },
        }),
      )
      .events();
    expect(event.data).toMatchObject({ childAge: 14, childCompetent: true, scope: { recipients: ['parent-carer'] } });
  });
});

describe('consent: withdrawal takes effect at once (Box 14)', () => {
  const withdraw = {
    type: 'WithdrawConsent',
    childId: 'child-1',
    childDateOfBirth: YEAR_6_DOB,
    consentId: 'consent-1',
    withdrawnBy: mother,
    withdrawnAt: '2026-03-10T09:30:00Z',
    evidence: { form: 'verbal', witnessedBy: 'Office manager, phone call' },
    reason: 'Moving house',
  } as const;

  it('records who withdrew, when, and how we know', () => {
    given(consentDecider, [consentGiven])
      .when(withdraw)
      .then([
        {
          type: 'ConsentWithdrawn',
          data: {
            consentId: 'consent-1',
            childId: 'child-1',
            withdrawnBy: { kind: 'parent-carer', relationship: 'mother' },
            withdrawnByName: 'Sadia Khan',
            withdrawnAt: '2026-03-10T09:30:00.000Z',
            evidence: withdraw.evidence,
            reason: 'Moving house',
          },
        },
      ]);
  });

  it('writes the instant in one spelling, whatever offset it came in', () => {
    const [event] = given(consentDecider, [consentGiven])
      .when({ ...withdraw, withdrawnAt: '2026-03-10T10:30:00+01:00' })
      .events();
    expect(event.data).toMatchObject({ withdrawnAt: '2026-03-10T09:30:00.000Z' });
  });

  it('cannot withdraw twice, or a consent never given', () => {
    const withdrawn = given(consentDecider, [consentGiven]).when(withdraw).events();
    given(consentDecider, [consentGiven, ...withdrawn])
      .when(withdraw)
      .thenError('consent.already-withdrawn');
    given(consentDecider, []).when(withdraw).thenError('consent.unknown');
  });

  it('a refusal is superseded by a later consent, not withdrawn', () => {
    const refused = given(consentDecider, [])
      .when(refuseConsent({ consentId: 'consent-1' }))
      .events();
    given(consentDecider, refused).when(withdraw).thenError('consent.refusal-cannot-be-withdrawn');
  });

  it('cannot be withdrawn before it started', () => {
    expectInvalid(
      given(consentDecider, [consentGiven])
        .when({ ...withdraw, withdrawnAt: '2026-01-01T10:00:00Z' })
        .thenError('consent.withdrawn-before-start'),
      'withdrawnAt',
    );
  });

  it("Box 15: a competent child may withdraw their parent's consent about their own information", () => {
    const parentConsent = given(consentDecider, [competentAssessment('2026-01-05', 14)])
      .when(giveConsent({ childDateOfBirth: YEAR_9_DOB }))
      .events();
    const events = given(consentDecider, [competentAssessment('2026-01-05', 14), ...parentConsent])
      .when({ ...withdraw, childDateOfBirth: YEAR_9_DOB, withdrawnBy: theChild })
      .events();
    expect(events[0].data).toMatchObject({ withdrawnBy: { kind: 'child' } });
  });

  it("§1d: an 11-year-old cannot withdraw their parent's consent", () => {
    given(consentDecider, [consentGiven])
      .when({ ...withdraw, withdrawnBy: theChild })
      .thenError('consent.parent-decides-under-12');
  });

  it("a parent cannot withdraw a competent child's own consent", () => {
    const history = [competentAssessment('2026-01-05', 14)];
    const own = given(consentDecider, history)
      .when(giveConsent({ giver: theChild, childDateOfBirth: YEAR_9_DOB }))
      .events();
    given(consentDecider, [...history, ...own])
      .when({ ...withdraw, childDateOfBirth: YEAR_9_DOB })
      .thenError('consent.parent-cannot-withdraw-childs-own-consent');
  });
});

describe('consent: expiry', () => {
  const expire = {
    type: 'RecordConsentExpiry',
    childId: 'child-1',
    consentId: 'consent-1',
    today: '2026-09-01',
  } as const;

  it('is recorded once the expiry day has come', () => {
    given(consentDecider, [consentGiven])
      .when(expire)
      .then([
        { type: 'ConsentExpired', data: { consentId: 'consent-1', childId: 'child-1', expiredOn: '2026-09-01' } },
      ]);
  });

  it('not before, not twice, and not after a withdrawal', () => {
    given(consentDecider, [consentGiven])
      .when({ ...expire, today: '2026-08-31' })
      .thenError('consent.not-yet-expired');
    const expired: ConsentEvent = {
      type: 'ConsentExpired',
      data: { consentId: 'consent-1', childId: 'child-1', expiredOn: '2026-09-01' },
    };
    given(consentDecider, [consentGiven, expired]).when(expire).thenError('consent.already-expired');
    const withdrawn: ConsentEvent = {
      type: 'ConsentWithdrawn',
      data: {
        consentId: 'consent-1',
        childId: 'child-1',
        withdrawnBy: { kind: 'parent-carer', relationship: 'mother' },
        withdrawnAt: '2026-03-01T10:00:00Z',
        evidence: written,
      },
    };
    given(consentDecider, [consentGiven, withdrawn]).when(expire).thenError('consent.already-withdrawn');
  });
});

describe('consent: competence assessed (Gillick / Fraser, Box 15)', () => {
  const assess = {
    type: 'AssessCompetence',
    childId: 'child-1',
    childDateOfBirth: YEAR_9_DOB,
    assessmentId: 'assessment-1',
    assessedBy: { userId: 'u-dsl', role: 'dsl' },
    assessedOn: '2026-01-05',
    framework: 'gillick',
    decisionAbout: 'Who sees what I tell my learning mentor',
    criteria: [
      { criterion: 'understands-what-is-proposed', met: true },
      { criterion: 'understands-the-consequences', met: true },
      { criterion: 'can-weigh-up-and-decide', met: true },
      { criterion: 'decides-free-of-pressure', met: true },
    ],
    outcome: 'competent',
  } as const;

  it("records who assessed, against which criteria, and the outcome, with the child's age", () => {
    given(consentDecider, [])
      .when(assess)
      .then([competentAssessment('2026-01-05', 14)]);
  });

  it('a finding of competence needs every criterion of its framework met', () => {
    const error = given(consentDecider, [])
      .when({ ...assess, criteria: assess.criteria.map((c, i) => (i === 2 ? { ...c, met: false } : c)) })
      .thenError('consent.competence-needs-every-criterion');
    expectInvalid(error, 'outcome');
  });

  it('Box 15: the Fraser criteria are the five Lord Fraser gave', () => {
    expectInvalid(
      given(consentDecider, [])
        .when({ ...assess, framework: 'fraser' })
        .thenError('consent.unknown-criterion'),
      'criteria[0]',
    );
    const fraser = [
      'understands-the-advice',
      'cannot-be-persuaded-to-inform-parents',
      'likely-to-proceed-regardless',
      'wellbeing-may-suffer-without-it',
      'in-their-best-interests',
    ];
    const events = given(consentDecider, [])
      .when({ ...assess, framework: 'fraser', criteria: fraser.map((criterion) => ({ criterion, met: true })) })
      .events();
    expect(events[0].data).toMatchObject({ framework: 'fraser', outcome: 'competent' });
  });

  it('not competent may be found whatever the criteria say: it is a professional judgement', () => {
    expect(
      given(consentDecider, [])
        .when({ ...assess, outcome: 'not-competent' })
        .events(),
    ).toHaveLength(1);
  });

  it('names the missing assessor', () => {
    expectInvalid(
      given(consentDecider, [])
        .when({ ...assess, assessedBy: { userId: '', role: 'dsl' } })
        .thenError('value.text-required'),
      'assessedBy.userId',
    );
  });

  it('folds assessments and decisions into state', () => {
    const state = replay(consentDecider, [competentAssessment('2026-01-05', 14), consentGiven]);
    expect(state.assessments).toHaveLength(1);
    expect(state.decisions[0]).toMatchObject({
      consentId: 'consent-1',
      kind: 'given',
      effectiveOn: '2026-01-12',
      expiresOn: '2026-09-01',
      sequence: 1,
    });
    expect(isDomainError(consentDecider.decide(giveConsent({ consentId: 'consent-2' }), state))).toBe(false);
  });
});
