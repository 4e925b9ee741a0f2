import { consentDecider } from '../consent/decider';
import { type Decider, isDomainError, replay } from '../shared';
import { caseThrough, endingSessions, steps } from '../testing/referral-examples';
import { referralDecider } from './decider';

/**
 * Whatever reaches the domain — a body with parts missing, nulls, wrong types — is
 * refused with a DomainError, never a thrown TypeError (which the API would turn into a 500).
 */
const hollow = (command: Record<string, unknown>): Array<Record<string, unknown>> => {
  const keys = Object.keys(command).filter((k) => k !== 'type');
  return [
    ...keys.map((k) => ({ ...command, [k]: undefined })),
    ...keys.map((k) => ({ ...command, [k]: null })),
    ...keys.map((k) => ({ ...command, [k]: 42 })),
    ...keys.map((k) => ({ ...command, [k]: [null] })),
    ...keys.map((k) => ({ ...command, [k]: {} })),
  ];
};

function neverThrows<C, E extends { type: string; data: object }, S>(
  decider: Decider<C, E, S>,
  history: E[],
  command: Record<string, unknown>,
) {
  const state = replay(decider, history);
  for (const variant of hollow(command)) {
    let outcome: unknown;
    expect(() => {
      outcome = decider.decide(variant as C, state);
    }).not.toThrow();
    // A variant may still be acceptable (an optional field left out); if refused, it is a DomainError.
    if (!Array.isArray(outcome)) expect(isDomainError(outcome)).toBe(true);
  }
}

describe('malformed commands are refused, never thrown', () => {
  const { refer, triage, agree, assess, targets, plan, session, reviewBeginEnding, ending, close, followUp } = steps;
  const cases = [
    ['MakeReferral', [], refer],
    ['TriageReferral', [refer], triage],
    ['SignMentoringAgreement', [refer, triage], agree],
    ['RecordAssessment', [refer, triage, agree], assess],
    ['SetTargets', [refer, triage, agree, assess], targets],
    ['AgreeActionPlan', [refer, triage, agree, assess, targets], plan],
    ['RecordSession', [refer, triage, agree, assess, targets, plan], session],
    ['HoldReview', [refer, triage, agree, assess, targets, plan], reviewBeginEnding],
    ['PlanEnding', [refer, triage, agree, assess, targets, plan, reviewBeginEnding], ending],
    ['CloseCase', [refer, triage, agree, assess, targets, plan, reviewBeginEnding, ending], close],
    [
      'RecordFollowUp',
      [refer, triage, agree, assess, targets, plan, reviewBeginEnding, ending, ...endingSessions, close],
      followUp,
    ],
  ] as const;

  it.each(cases)('%s', (_name, before, command) => {
    neverThrows(referralDecider, caseThrough(...before), command as unknown as Record<string, unknown>);
  });

  it('nested parts of a referral too', () => {
    const history = caseThrough(refer, triage, agree, assess, targets, plan, reviewBeginEnding, ending);
    neverThrows(referralDecider, [], { ...refer, profile: { ...refer.profile, pastoralRiskFactors: null } });
    neverThrows(referralDecider, caseThrough(refer, triage, agree, assess), {
      ...targets,
      targets: [null, { targetId: 't-x' }],
    });
    neverThrows(referralDecider, caseThrough(refer, triage, agree, assess, targets, plan), {
      ...session,
      notes: [null, { source: 'second-hand' }],
    });
    neverThrows(referralDecider, caseThrough(refer, triage, agree, assess, targets, plan), {
      ...reviewBeginEnding,
      progress: [null],
    });
    neverThrows(referralDecider, history, { ...close, exit: { attendancePercent: '93' } });
  });

  it('consent commands', () => {
    const give = {
      type: 'GiveConsent',
      consentId: 'c-1',
      childId: 'child-1',
      childDateOfBirth: '2015-03-02',
      giver: { kind: 'parent-carer', name: 'Sadia Khan', relationship: 'mother' },
      informed: { purpose: 'p', use: 'u', recipients: 'r', retention: 't' },
      scope: { purposes: ['learning-mentor-support'], recipients: ['school-oakfield'], categories: ['education'] },
      evidence: { form: 'written', documentRef: 'd' },
      startsOn: '2026-01-12',
      expiresOn: '2026-09-01',
    };
    neverThrows(consentDecider, [], give);
    neverThrows(consentDecider, [], { ...give, type: 'RefuseConsent', refusedOn: '2026-01-12' });
    neverThrows(consentDecider, [], { ...give, scope: { purposes: null, recipients: [null], categories: 7 } });
    const given = consentDecider.decide(give as never, consentDecider.initialState);
    if (isDomainError(given)) throw new Error(given.rule);
    neverThrows(consentDecider, given, {
      type: 'WithdrawConsent',
      consentId: 'c-1',
      childId: 'child-1',
      childDateOfBirth: '2015-03-02',
      withdrawnBy: give.giver,
      withdrawnAt: '2026-03-01T10:00:00Z',
      evidence: { form: 'verbal', witnessedBy: 'office' },
    });
    neverThrows(consentDecider, given, {
      type: 'RecordConsentExpiry',
      childId: 'child-1',
      consentId: 'c-1',
      today: '2026-09-01',
    });
    neverThrows(consentDecider, [], {
      type: 'AssessCompetence',
      childId: 'child-1',
      childDateOfBirth: '2011-11-15',
      assessmentId: 'a',
      assessedBy: { userId: 'u', role: 'dsl' },
      assessedOn: '2026-01-05',
      framework: 'gillick',
      decisionAbout: 'x',
      criteria: [{ criterion: 'understands-what-is-proposed', met: true }],
      outcome: 'not-competent',
    });
  });
});
