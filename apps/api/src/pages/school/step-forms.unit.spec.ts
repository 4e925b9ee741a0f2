import type { MentorCase } from '@app/projections';
import { caseTasks } from './case-tasks';
import { anchorsOf, blanksOf, STEP_FORMS } from './step-forms';

const noFacts = { targets: [], planTargets: [] };

describe('the school step forms', () => {
  it('targets: a blank row between two filled keeps its number, so the API refuses target 1 and the summary links its box', () => {
    const form = STEP_FORMS.targets;
    const body = form.body(
      {
        'setOn-day': '1',
        'setOn-month': '12',
        'setOn-year': '2026',
        goal: 'On time',
        target2Description: 'Arrive before the bell',
      },
      noFacts,
    );
    const targets = body.targets as Array<Record<string, unknown>>;
    expect(targets).toHaveLength(2);
    expect(targets[0]).toEqual({
      targetId: expect.stringMatching(/^target-/),
      goalId: (body.goals as Array<{ goalId: string }>)[0].goalId,
    });
    expect(targets[1]).toMatchObject({ description: 'Arrive before the bell' });
    const blanks = blanksOf(form, body);
    expect(blanks['targets[0].description']).toBe('Enter what target 1 is');
    expect(blanks['targets[1].description']).toBeUndefined();
    expect(anchorsOf(form)['targets[0].dueOn']).toBe('target1DueOn-day');
  });

  it('profile: a blank measure is asked for by its nested API field, a given one is not', () => {
    const form = STEP_FORMS.profile;
    const body = form.body({ profileAttendance: '84.5', lateArrivals: '3' }, noFacts);
    expect(body.profile).toMatchObject({ attendancePercent: 84.5, lateArrivals: 3, pastoralRiskFactors: [] });
    const blanks = blanksOf(form, body);
    expect(blanks['profile.attendancePercent']).toBeUndefined();
    expect(blanks['profile.behaviourIncidents']).toBe('Enter the number of behaviour incidents');
  });

  it('reviews: one progress row per target of the plan in force, in its order', () => {
    const facts = {
      targets: [],
      planTargets: [
        { targetId: 't-1', description: 'One' },
        { targetId: 't-2', description: 'Two' },
      ],
    };
    expect(STEP_FORMS.reviews.body({ progress1: 'achieved', note2: 'Nearly' }, facts).progress).toEqual([
      { targetId: 't-1', progress: 'achieved' },
      { targetId: 't-2', note: 'Nearly' },
    ]);
  });
});

describe('the case task list', () => {
  const onRegister = {
    referralId: 'r-1',
    childId: 'c-1',
    stage: 'on-register',
    profileComplete: true,
    sessionsAttended: 0,
    sessionsMissed: 0,
    lastReviewOutcome: null,
    endingSessionsRemaining: null,
  } as unknown as MentorCase;
  const linked = (tasks: ReturnType<typeof caseTasks>) =>
    tasks.filter((t) => t.href && t.status !== 'done').map((t) => t.name);

  it('awaiting triage, only the profile, consent and triage can be started; the rest say so and are not links', () => {
    const tasks = caseTasks(
      { ...onRegister, stage: 'awaiting-triage', profileComplete: false } as MentorCase,
      new Set(['ReferralMade']),
      false,
    );
    expect(linked(tasks)).toEqual(['Primary Assessment Profile', 'Consent', 'Triage']);
    expect(
      tasks
        .filter((t) => t.status === 'cannot-start')
        .every((t) => t.href === undefined && t.statusText === 'Cannot start yet'),
    ).toBe(true);
  });

  it('after a review that begins the ending, the ending and the exit are open, a second plan is not', () => {
    const recorded = new Set([
      'ReferralMade',
      'ReferralTriaged',
      'MentoringAgreementSigned',
      'AssessmentRecorded',
      'TargetsSet',
      'ActionPlanAgreed',
      'ReviewHeld',
    ]);
    const tasks = caseTasks({ ...onRegister, lastReviewOutcome: 'begin-ending' } as MentorCase, recorded, true);
    expect(linked(tasks)).toEqual(['Sessions', 'Reviews', 'Ending', 'Exit']);
  });

  it('a review that re-plans asks for a new action plan and lets new targets be set', () => {
    const recorded = new Set([
      'ReferralTriaged',
      'MentoringAgreementSigned',
      'AssessmentRecorded',
      'TargetsSet',
      'ActionPlanAgreed',
      'ReviewHeld',
    ]);
    const tasks = caseTasks({ ...onRegister, lastReviewOutcome: 're-plan' } as MentorCase, recorded, true);
    expect(linked(tasks)).toEqual(['Targets', 'Action plan', 'Sessions', 'Reviews', 'Exit']);
  });
});
