import type { Actor } from '../shared';
import { given } from '../testing/given';
import { cafDecider } from './decider';
import type { CafEvent } from './events';
import type { ContributeToCaf } from './commands';

const mentor: Actor = { userId: 'u-lm', role: 'learning-mentor', agencyId: 'school-oakfield' };
const nurse: Actor = { userId: 'u-nurse', role: 'practitioner', agencyId: 'health' };
const ewo: Actor = { userId: 'u-ewo', role: 'practitioner', agencyId: 'education-welfare' };
const socialWorker = { userId: 'u-sw', role: 'social-worker', agencyId: 'social-care', name: 'Dee Adams' };
const parent: Actor = { userId: 'u-parent', role: 'parent-carer', agencyId: 'family' };
const p = (a: Actor) => ({ userId: a.userId, role: a.role, agencyId: a.agencyId });
const base = { cafId: 'k1', childId: 'c1' };

const started: CafEvent = {
  type: 'CafStarted',
  data: {
    ...base,
    startedBy: p(mentor),
    startedOn: '2026-02-02',
    consentId: 'consent-3',
    reasonForAssessment: 'Needs broader than the school can meet',
  },
};
const contribute: ContributeToCaf = {
  type: 'ContributeToCaf',
  contributionId: 'x1',
  domain: 'development-of-the-child',
  element: 'health',
  text: 'Missed two hearing appointments',
  by: nurse,
  recordedOn: '2026-02-04',
  consent: { covered: true, consentId: 'consent-3' },
};
const contributed: CafEvent = {
  type: 'CafContributionRecorded',
  data: {
    ...base,
    contributionId: 'x1',
    domain: 'development-of-the-child',
    element: 'health',
    text: 'Missed two hearing appointments',
    contributor: p(nurse),
    recordedOn: '2026-02-04',
    secondHand: false,
    withheldFromFamily: false,
  },
};
const views: CafEvent = {
  type: 'CafViewsRecorded',
  data: {
    ...base,
    viewsId: 'v1',
    whose: 'child',
    views: 'I want to go to school more',
    recordedBy: p(mentor),
    recordedOn: '2026-02-05',
  },
};
const completed: CafEvent = {
  type: 'CafCompleted',
  data: { ...base, completedOn: '2026-02-06', completedBy: p(mentor), summary: 'Health and attendance needs' },
};
const lpAppointed: CafEvent = {
  type: 'LeadProfessionalAppointed',
  data: {
    ...base,
    leadProfessional: p(mentor),
    appointedOn: '2026-02-10',
    appointedBy: p(mentor),
    agreedWithFamily: true,
  },
};
const actionAgreed: CafEvent = {
  type: 'IntegratedPlanActionAgreed',
  data: {
    ...base,
    actionId: 'a1',
    action: 'Book hearing test',
    ownerAgencyId: 'health',
    ownerUserId: 'u-nurse',
    dueBy: '2026-03-01',
    agreedOn: '2026-02-10',
    agreedBy: p(mentor),
  },
};

describe('CAF (caf-{id}): started with consent for common-assessment (003 §1a)', () => {
  const start = {
    type: 'StartCaf' as const,
    ...base,
    by: mentor,
    startedOn: '2026-02-02',
    reasonForAssessment: 'Needs broader than the school can meet',
    consent: { covered: true as const, consentId: 'consent-3' },
  };

  it('starts with the covering consent', () => {
    given(cafDecider, []).when(start).then([started]);
  });

  it('refuses to start without consent, naming it', () => {
    const error = given(cafDecider, [])
      .when({ ...start, consent: { covered: false, reason: 'no-consent' } })
      .thenError('caf.consent-required');
    expect(error.message).toContain('common-assessment');
  });

  it('is started by a practitioner, not the family', () => {
    given(cafDecider, [])
      .when({ ...start, by: parent })
      .thenError('caf.practitioners-only');
  });
});

describe('CAF: contributions by any agency, attributed, never edited', () => {
  it('records a contribution to one element, attributed to its practitioner and agency', () => {
    given(cafDecider, [started]).when(contribute).then([contributed]);
  });

  it('names a wrong domain or element', () => {
    expect(
      given(cafDecider, [started])
        .when({ ...contribute, domain: 'school' as never })
        .thenError('caf.domain').field,
    ).toBe('domain');
    expect(
      given(cafDecider, [started])
        .when({ ...contribute, domain: 'parents-and-carers', element: 'health' })
        .thenError('caf.element').field,
    ).toBe('element');
  });

  it('takes a contribution only within the consent, for the category its element carries', () => {
    const behaviour = {
      ...contribute,
      element: 'behavioural-development',
      text: 'Hits out when frustrated',
      consent: {
        covered: false as const,
        reason: 'no-consent',
        explanation: 'no consent covers common-assessment with school-oakfield on behaviour',
      },
    };
    const refused = given(cafDecider, [started]).when(behaviour).thenError('caf.contribution-beyond-consent');
    expect([refused.kind, refused.field]).toEqual(['forbidden', 'element']);
    expect(refused.message).toMatch(/behavioural-development \(behaviour information\).*on behaviour/);
  });

  it('marks second-hand information and what is withheld from the family, with a reason', () => {
    const [event] = given(cafDecider, [started])
      .when({ ...contribute, secondHand: true, withheldFromFamily: { reason: 'Telling would put the child at risk' } })
      .events();
    expect(event.data).toMatchObject({
      secondHand: true,
      withheldFromFamily: true,
      withheldReason: 'Telling would put the child at risk',
    });
    given(cafDecider, [started])
      .when({ ...contribute, withheldFromFamily: { reason: '' } })
      .thenError('caf.withholding-reason-required');
  });

  it('corrects by superseding, keeping the original and its domain and element', () => {
    given(cafDecider, [started, contributed])
      .when({
        type: 'CorrectCafContribution',
        contributionId: 'x2',
        supersedes: 'x1',
        text: 'Missed one hearing appointment',
        correctionReason: 'Second was rebooked',
        by: nurse,
        recordedOn: '2026-02-05',
      })
      .then([
        {
          type: 'CafContributionRecorded',
          data: {
            ...base,
            contributionId: 'x2',
            domain: 'development-of-the-child',
            element: 'health',
            text: 'Missed one hearing appointment',
            contributor: p(nurse),
            recordedOn: '2026-02-05',
            secondHand: false,
            withheldFromFamily: false,
            supersedes: 'x1',
            correctionReason: 'Second was rebooked',
          },
        },
      ]);
  });

  it('a correction comes from the contributing agency, of the latest version, with a reason', () => {
    const correct = {
      type: 'CorrectCafContribution' as const,
      contributionId: 'x2',
      supersedes: 'x1',
      text: 't',
      correctionReason: 'r',
      by: nurse,
      recordedOn: '2026-02-05',
    };
    expect(
      given(cafDecider, [started, contributed])
        .when({ ...correct, by: ewo })
        .thenError('caf.correction-by-contributing-agency').kind,
    ).toBe('forbidden');
    given(cafDecider, [started, contributed])
      .when({ ...correct, correctionReason: '' })
      .thenError('caf.correction-reason-required');
    const corrected = given(cafDecider, [started, contributed]).when(correct).events();
    given(cafDecider, [started, contributed, ...corrected])
      .when({ ...correct, contributionId: 'x3' })
      .thenError('caf.contribution-already-superseded');
  });

  it("records the child's and the family's views; a parent records only the family's", () => {
    given(cafDecider, [started])
      .when({
        type: 'RecordCafViews',
        viewsId: 'v1',
        whose: 'child',
        views: 'I want to go to school more',
        by: mentor,
        recordedOn: '2026-02-05',
      })
      .then([views]);
    given(cafDecider, [started])
      .when({ type: 'RecordCafViews', viewsId: 'v2', whose: 'child', views: 'x', by: parent, recordedOn: '2026-02-05' })
      .thenError('caf.own-views-only');
    const [event] = given(cafDecider, [started])
      .when({
        type: 'RecordCafViews',
        viewsId: 'v2',
        whose: 'family',
        views: 'We want help with mornings',
        by: parent,
        recordedOn: '2026-02-05',
      })
      .events();
    expect(event.data).toMatchObject({ whose: 'family', recordedBy: p(parent) });
  });

  it('the family gives views, not professional contributions', () => {
    given(cafDecider, [started])
      .when({ ...contribute, by: parent })
      .thenError('caf.practitioners-only');
  });
});

describe('CAF: completion, the team around the child and the lead professional (003 §3b)', () => {
  it("completes with contributions and the child's or family's views", () => {
    const complete = {
      type: 'CompleteCaf' as const,
      completedOn: '2026-02-06',
      summary: 'Health and attendance needs',
      by: mentor,
    };
    given(cafDecider, [started]).when(complete).thenError('caf.contributions-required');
    given(cafDecider, [started, contributed]).when(complete).thenError('caf.views-required');
    given(cafDecider, [started, contributed, views]).when(complete).then([completed]);
    given(cafDecider, [started, contributed, views, completed]).when(contribute).thenError('caf.assessment-completed');
  });

  it('records a team-around-the-child meeting with its attendees', () => {
    const [event] = given(cafDecider, [started, contributed, views, completed])
      .when({
        type: 'HoldTeamAroundTheChildMeeting',
        meetingId: 'm1',
        heldOn: '2026-02-10',
        attendees: [p(mentor), p(nurse), p(ewo)],
        familyPresent: true,
        notes: 'Plan agreed',
        nextReviewOn: '2026-03-24',
      })
      .events();
    expect(event.data).toMatchObject({
      attendees: [p(mentor), p(nurse), p(ewo)],
      familyPresent: true,
      nextReviewOn: '2026-03-24',
    });
    given(cafDecider, [started])
      .when({
        type: 'HoldTeamAroundTheChildMeeting',
        meetingId: 'm1',
        heldOn: '2026-02-10',
        attendees: [],
        familyPresent: true,
        notes: 'n',
      })
      .thenError('caf.attendees-required');
  });

  it('appoints one lead professional at a time', () => {
    given(cafDecider, [started, contributed, views, completed])
      .when({
        type: 'AppointLeadProfessional',
        leadProfessional: p(mentor),
        appointedOn: '2026-02-10',
        agreedWithFamily: true,
        by: mentor,
      })
      .then([lpAppointed]);
    given(cafDecider, [started, lpAppointed])
      .when({
        type: 'AppointLeadProfessional',
        leadProfessional: socialWorker,
        appointedOn: '2026-02-11',
        agreedWithFamily: true,
        by: mentor,
      })
      .thenError('caf.one-lead-professional');
  });

  it('hands over from the current lead professional to another, with the reason', () => {
    given(cafDecider, [started, lpAppointed])
      .when({
        type: 'HandOverLeadProfessional',
        to: socialWorker,
        handedOverOn: '2026-03-02',
        reason: 'Stepped up to a child in need plan',
      })
      .then([
        {
          type: 'LeadProfessionalHandedOver',
          data: {
            ...base,
            from: p(mentor),
            to: socialWorker,
            handedOverOn: '2026-03-02',
            reason: 'Stepped up to a child in need plan',
          },
        },
      ]);
    given(cafDecider, [started])
      .when({ type: 'HandOverLeadProfessional', to: socialWorker, handedOverOn: '2026-03-02', reason: 'r' })
      .thenError('caf.no-lead-professional');
    given(cafDecider, [started, lpAppointed])
      .when({ type: 'HandOverLeadProfessional', to: p(mentor), handedOverOn: '2026-03-02', reason: 'r' })
      .thenError('caf.hand-over-to-self');
  });
});

describe('CAF: the integrated action plan, reviews and closure', () => {
  const done = [started, contributed, views, completed];
  const agree = {
    type: 'AgreePlanAction' as const,
    actionId: 'a1',
    action: 'Book hearing test',
    ownerAgencyId: 'health',
    ownerUserId: 'u-nurse',
    dueBy: '2026-03-01',
    agreedOn: '2026-02-10',
    by: mentor,
  };

  it('agrees actions owned by agencies, with due dates, once the assessment is completed', () => {
    given(cafDecider, done).when(agree).then([actionAgreed]);
    given(cafDecider, [started]).when(agree).thenError('caf.assessment-not-completed');
    expect(
      given(cafDecider, done)
        .when({ ...agree, dueBy: '2026-02-01' })
        .thenError('caf.due-before-agreed').field,
    ).toBe('dueBy');
    expect(
      given(cafDecider, done)
        .when({ ...agree, ownerAgencyId: '' })
        .thenError('caf.action-owner-required').field,
    ).toBe('ownerAgencyId');
  });

  it('moves an action through its statuses until it is finished', () => {
    const update = {
      type: 'UpdatePlanAction' as const,
      actionId: 'a1',
      status: 'done' as const,
      updatedOn: '2026-02-20',
      by: nurse,
    };
    const [event] = given(cafDecider, [...done, actionAgreed])
      .when(update)
      .events();
    expect(event.data).toMatchObject({ actionId: 'a1', status: 'done', updatedBy: p(nurse) });
    given(cafDecider, [...done, actionAgreed, event])
      .when({ ...update, status: 'in-progress' })
      .thenError('caf.action-finished');
    given(cafDecider, [...done])
      .when(update)
      .thenError('caf.action-not-found');
  });

  it('reviews set the next review after this one', () => {
    const review = {
      type: 'ReviewCaf' as const,
      reviewId: 'rv1',
      reviewedOn: '2026-03-24',
      summary: 'Attendance up',
      nextReviewOn: '2026-05-05',
      by: mentor,
    };
    const [event] = given(cafDecider, done).when(review).events();
    expect(event.data).toMatchObject({ reviewId: 'rv1', nextReviewOn: '2026-05-05' });
    given(cafDecider, done)
      .when({ ...review, nextReviewOn: '2026-03-24' })
      .thenError('caf.next-review-after-review');
  });

  it('closes with its outcome, listing actions still open, and takes nothing more', () => {
    const close = {
      type: 'CloseCaf' as const,
      closedOn: '2026-06-01',
      outcome: 'needs-met' as const,
      summary: 'Attendance 96%',
      by: mentor,
    };
    const closed = given(cafDecider, [...done, actionAgreed])
      .when(close)
      .events();
    expect(closed[0].data).toMatchObject({ outcome: 'needs-met', openActions: ['a1'] });
    given(cafDecider, [...done, actionAgreed, ...closed])
      .when(agree)
      .thenError('caf.closed');
    given(cafDecider, done)
      .when({ ...close, outcome: 'fine' as never })
      .thenError('caf.outcome');
  });
});

describe('CAF: every act follows the start of the assessment', () => {
  it('refuses a contribution dated before the CAF was started, naming recordedOn', () => {
    const error = given(cafDecider, [started])
      .when({ ...contribute, recordedOn: '2026-02-01' })
      .thenError('date.before-preceding-act');
    expect(error).toMatchObject({ kind: 'invalid', field: 'recordedOn' });
  });
});
