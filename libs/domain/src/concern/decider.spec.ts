import { fixtureCalendar } from '../multi-agency/calendar.fixture';
import { type Actor, isDomainError, replay } from '../shared';
import { given } from '../testing/given';
import type { ConcernCommand } from './commands';
import { concernDecider, workingTogetherClocks } from './decider';
import type { ConcernEvent } from './events';
import { mentorReportFrom } from './mentor-report';

const decider = concernDecider(fixtureCalendar());
const teacher: Actor = { userId: 'teacher.oakfield', role: 'learning-mentor', agencyId: 'school-oakfield' };
const dsl: Actor = { userId: 'dsl.oakfield', role: 'dsl', agencyId: 'school-oakfield' };
const socialWorker: Actor = { userId: 'social.worker', role: 'social-worker', agencyId: 'social-care' };

function history(...commands: ConcernCommand[]): ConcernEvent[] {
  const events: ConcernEvent[] = [];
  for (const command of commands) {
    const outcome = decider.decide(command, replay(decider, events));
    if (isDomainError(outcome)) throw new Error(`${command.type}: ${outcome.rule}`);
    events.push(...outcome);
  }
  return events;
}

const raise: ConcernCommand = {
  type: 'RaiseConcern',
  concernId: 'k1',
  childId: 'c1',
  seenOrHeard: 'Bruise on the forearm; said "Dad got angry"',
  by: teacher,
  at: '2026-03-27T09:00:00Z',
};
// Friday 27 March 2026: the decision is due the next working day, Monday 30 March.
const refer: ConcernCommand = {
  type: 'ReviewConcern',
  outcome: 'refer-to-social-care',
  reasons: 'Disclosure of physical harm',
  reviewedOn: '2026-03-27',
  referral: {
    ground: 'risk-of-significant-harm',
    urgency: 'immediate',
    categories: ['safeguarding', 'family-circumstances'],
    summary: 'Bruising; disclosure about father',
  },
  by: dsl,
  at: '2026-03-27T11:00:00Z',
};
const decide = (decidedOn: string, lateReason?: string): ConcernCommand => ({
  type: 'RecordSocialCareDecision',
  decision: 'strategy-discussion',
  reasons: 'Section 47 threshold met',
  decidedOn,
  lateReason,
  by: socialWorker,
});
// Strategy discussion on Tuesday 31 March: 15 working days skip Good Friday and Easter Monday, due Thursday 23 April.
const strategy: ConcernCommand = {
  type: 'RecordStrategyDiscussion',
  heldOn: '2026-03-31',
  outcome: 'Section 47 enquiry; initial conference',
  by: socialWorker,
};
const conference = (heldOn: string, lateReason?: string): ConcernCommand => ({
  type: 'RecordConference',
  kind: 'initial',
  heldOn,
  childProtectionPlan: true,
  lateReason,
  by: socialWorker,
});

describe('a safeguarding concern on the Working Together clocks', () => {
  it('is reviewed by the DSL only; a referral starts the one-working-day decision clock over the weekend', () => {
    given(decider, history(raise))
      .when({ ...refer, by: teacher } as ConcernCommand)
      .thenError('concern.role');
    const [, referred] = given(decider, history(raise)).when(refer).events();
    expect(referred).toMatchObject({
      type: 'ConcernReferredToSocialCare',
      data: {
        decisionDueBy: '2026-03-30',
        basis: { kind: 'without-consent', ground: 'risk-of-significant-harm' },
        urgency: 'immediate',
      },
    });
    expect(
      given(decider, history(raise))
        .when({ ...refer, referral: undefined } as ConcernCommand)
        .thenError('concern.referral-ground').field,
    ).toBe('referral.ground');
  });

  it('refers with consent only where the consent context found one covering sharing with social care, and keeps whether the family is told', () => {
    const withConsent = (consent: object | undefined, familyTold?: object) =>
      ({
        ...refer,
        referral: {
          urgency: 'standard',
          categories: ['safeguarding'],
          summary: 'Neglect',
          withConsent: true,
          consent,
          familyTold,
        },
      }) as ConcernCommand;
    const [, referred] = given(decider, history(raise))
      .when(
        withConsent({ covered: true, consentId: 'consent-9' }, { informed: true, how: 'Mother agreed at the meeting' }),
      )
      .events();
    expect(referred.data).toMatchObject({
      basis: { kind: 'consent', consentIds: ['consent-9'] },
      familyTold: { informed: true },
    });
    expect(
      given(decider, history(raise))
        .when(withConsent({ covered: false, reason: 'withdrawn' }))
        .thenError('concern.referral-consent').message,
    ).toContain('withdrawn');
    expect(
      given(decider, history(raise))
        .when(withConsent({ covered: true, consentId: 'c' }, { informed: false, reason: '' }))
        .thenError('concern.referral.not-telling-reason-required').field,
    ).toBe('referral.familyTold.reason');
  });

  it('records a late decision only with its reason, and shows the breach', () => {
    const referred = history(raise, refer);
    expect(given(decider, referred).when(decide('2026-03-31')).thenError('concern.late-reason-required').field).toBe(
      'lateReason',
    );
    const [late] = given(decider, referred).when(decide('2026-03-31', 'Duty team short-staffed')).events();
    expect(late.data).toMatchObject({ breach: { dueBy: '2026-03-30', reason: 'Duty team short-staffed' } });
    const state = replay(decider, [...referred, late]);
    expect(workingTogetherClocks(state, '2026-04-01')).toEqual([
      expect.objectContaining({
        clock: 'social-care-decision',
        status: 'breached',
        breachReason: 'Duty team short-staffed',
      }),
      expect.objectContaining({ clock: 'assessment', status: 'due' }),
    ]);
  });

  it('counts 15 working days to the initial conference across Easter, then 10 to the core group and 3 months to the first review', () => {
    const [held] = given(decider, history(raise, refer, decide('2026-03-30')))
      .when(strategy)
      .events();
    expect(held.data).toMatchObject({ initialConferenceDueBy: '2026-04-23' });
    const afterStrategy = history(raise, refer, decide('2026-03-30'), strategy);
    expect(workingTogetherClocks(replay(decider, afterStrategy), '2026-04-24')).toContainEqual(
      expect.objectContaining({ clock: 'initial-conference', status: 'overdue' }),
    );
    const [initial] = given(decider, afterStrategy).when(conference('2026-04-22')).events();
    // Wednesday 22 April + 10 working days = Thursday 7 May (Monday 4 May is a bank holiday).
    expect(initial.data).toMatchObject({ coreGroupDueBy: '2026-05-07', nextReviewDueBy: '2026-07-22' });
    expect(initial.data).not.toHaveProperty('breach');
  });

  it('runs the 45-working-day assessment clock from the referral when an assessment follows', () => {
    const [decided] = given(decider, history(raise, refer)).when(decide('2026-03-30')).events();
    // Referred Friday 27 March 2026: 45 working days skip Easter and the May bank holidays (4th and 25th).
    expect(decided.data).toMatchObject({ assessmentDueBy: '2026-06-04' });
    const assessing = history(raise, refer, decide('2026-03-30'));
    given(decider, assessing)
      .when({
        type: 'RecordAssessmentCompleted',
        completedOn: '2026-06-05',
        outcome: 'Child in need plan',
        by: socialWorker,
      })
      .thenError('concern.late-reason-required');
    const [done] = given(decider, assessing)
      .when({
        type: 'RecordAssessmentCompleted',
        completedOn: '2026-06-04',
        outcome: 'Child in need plan',
        by: socialWorker,
      })
      .events();
    expect(workingTogetherClocks(replay(decider, [...assessing, done]), '2026-06-10')).toContainEqual(
      expect.objectContaining({ clock: 'assessment', status: 'met' }),
    );
    const nothingFollows = { ...decide('2026-03-30'), decision: 'no-further-action' } as ConcernCommand;
    given(decider, history(raise, refer, nothingFollows))
      .when({ type: 'RecordAssessmentCompleted', completedOn: '2026-04-02', outcome: 'x', by: socialWorker })
      .thenError('concern.no-assessment-due');
  });

  it('reviews at 3 months and then every 6; no plan closes the clocks', () => {
    const withPlan = history(raise, refer, decide('2026-03-30'), strategy, conference('2026-04-22'));
    const [review] = given(decider, withPlan)
      .when({
        type: 'RecordConference',
        kind: 'review',
        heldOn: '2026-07-20',
        childProtectionPlan: true,
        by: socialWorker,
      })
      .events();
    expect(review.data).toMatchObject({ nextReviewDueBy: '2027-01-20' });
    given(decider, withPlan)
      .when({ type: 'RecordCoreGroup', heldOn: '2026-05-12', by: socialWorker })
      .thenError('concern.late-reason-required');
  });

  it("builds the mentor's report from the case and the mentor's own account", () => {
    const report = mentorReportFrom(
      {
        reasons: ['attendance-and-punctuality', 'low-confidence-and-self-esteem'],
        sessionsAttended: 9,
        sessionsMissed: 3,
        targets: ['Arrive by 8:50 four days a week'],
      },
      {
        contactWithFamily: 'Weekly calls with mother',
        workingRelationship: 'Trusting',
        progress: 'Attendance up from 78% to 88%',
        concerns: 'Tired, hungry on Mondays',
        signposting: ['Young carers service'],
      },
    );
    expect(report).toMatchObject({
      reasonForReferral: 'attendance and punctuality; low confidence and self esteem',
      sessions: { held: 12, attended: 9, missed: 3 },
      focusedAreasOfWork: ['Arrive by 8:50 four days a week'],
    });
    const inPlan = history(raise, refer, decide('2026-03-30'), strategy);
    given(decider, inPlan)
      .when({
        type: 'SubmitMentorReport',
        reportId: 'rep1',
        forMeeting: 'conference',
        report,
        submittedOn: '2026-04-20',
        by: teacher,
      })
      .events();
    given(decider, inPlan)
      .when({
        type: 'SubmitMentorReport',
        reportId: 'rep1',
        forMeeting: 'conference',
        report,
        submittedOn: '2026-04-20',
        by: socialWorker,
      })
      .thenError('concern.role');
  });
});

describe("a concern's acts happen in order", () => {
  it('refuses a review dated before the concern was raised, naming reviewedOn', () => {
    const error = given(decider, history(raise))
      .when({ ...refer, reviewedOn: '2026-03-26' } as ConcernCommand)
      .thenError('date.before-preceding-act');
    expect(error).toMatchObject({ kind: 'invalid', field: 'reviewedOn' });
  });

  it('cannot meet a breached decision clock with a decision back-dated before the referral', () => {
    // Referred Friday 27 March, due Monday 30 March; recorded late but dated Thursday 26 March.
    const error = given(decider, history(raise, refer))
      .when(decide('2026-03-26'))
      .thenError('date.before-preceding-act');
    expect(error).toMatchObject({ kind: 'invalid', field: 'decidedOn' });
  });

  it('measures a late-recorded act on the day it happened, within the clock', () => {
    // Recorded days later, the decision stated as made on the due day meets the clock: the envelope keeps when it was recorded.
    const [decided] = given(decider, history(raise, refer)).when(decide('2026-03-30')).events();
    expect(decided.data).not.toHaveProperty('breach');
  });

  it('refuses a strategy discussion before the decision, a conference before the strategy discussion and a core group before the conference', () => {
    const decided = history(raise, refer, decide('2026-03-30'));
    expect(
      given(decider, decided)
        .when({ ...strategy, heldOn: '2026-03-29' } as ConcernCommand)
        .thenError('date.before-preceding-act').field,
    ).toBe('heldOn');
    const afterStrategy = history(raise, refer, decide('2026-03-30'), strategy);
    expect(
      given(decider, afterStrategy).when(conference('2026-03-30')).thenError('date.before-preceding-act').field,
    ).toBe('heldOn');
    const withPlan = history(raise, refer, decide('2026-03-30'), strategy, conference('2026-04-22'));
    expect(
      given(decider, withPlan)
        .when({ type: 'RecordCoreGroup', heldOn: '2026-04-21', by: socialWorker })
        .thenError('date.before-preceding-act').field,
    ).toBe('heldOn');
    expect(
      given(decider, withPlan)
        .when({
          type: 'RecordConference',
          kind: 'review',
          heldOn: '2026-04-20',
          childProtectionPlan: true,
          by: socialWorker,
        })
        .thenError('date.before-preceding-act').field,
    ).toBe('heldOn');
  });

  it('refuses an assessment completed before the decision to assess', () => {
    const assessing = history(raise, refer, {
      ...decide('2026-03-30'),
      decision: 'child-in-need-assessment',
    } as ConcernCommand);
    expect(
      given(decider, assessing)
        .when({ type: 'RecordAssessmentCompleted', completedOn: '2026-03-29', outcome: 'x', by: socialWorker })
        .thenError('date.before-preceding-act').field,
    ).toBe('completedOn');
  });
});
