import { type Decider, DomainError, firstError, invalid, isDomainError, notBefore } from '../shared';
import type { ReferralCommand } from './commands';
import { requireMentoringConsent } from './consent-gate';
import type { ReferralEvent } from './events';
import { notMade, type ReferralState } from './state';
import {
  checkAgreement,
  checkAssessment,
  checkClosure,
  checkEnding,
  checkFollowUp,
  checkPlan,
  checkProfile,
  checkReferral,
  checkReview,
  checkSession,
  checkTargets,
  checkTriage,
} from './checks';

const conflict = (rule: string, message: string) => new DomainError(rule, message, 'conflict');

/** The case must be open on the register: triaged in, not yet closed. */
function onRegister(state: ReferralState): DomainError | undefined {
  switch (state.stage) {
    case 'not-made':
      return conflict('referral.not-made', 'No referral has been made for this case');
    case 'awaiting-triage':
      return conflict(
        'referral.not-on-register',
        'The referral awaits triage by the SENCo; the child is not on the Learning Mentor Pupil Register (001)',
      );
    case 'declined':
    case 'redirected-to-mast':
      return conflict(
        'referral.not-on-register',
        `The referral was ${state.stage}; the child is not on the Learning Mentor Pupil Register`,
      );
    case 'closed':
      return conflict('referral.case-closed', `The case closed on ${state.closedOn}`);
    case 'on-register':
      return undefined;
  }
}

const triage = (state: ReferralState) => ({
  what: 'the triage that put the child on the register',
  on: state.triagedOn,
});

/**
 * 003 §1a: "Sudden endings are not advisable": a planned ending was planned, and the case closes
 * once the sessions it announced have been held, unless the record says why it closed sooner.
 */
function makeReferral(
  command: Extract<ReferralCommand, { type: 'MakeReferral' }>,
  state: ReferralState,
): ReferralEvent[] | DomainError {
  if (state.stage !== 'not-made')
    return conflict('referral.already-made', `Referral ${command.referralId} is already made`);
  const error =
    checkReferral(command) ??
    notBefore('referredOn', command.referredOn, { what: 'the child was born', on: command.childDateOfBirth });
  if (error) return error;
  return [{ type: 'ReferralMade', data: defined(without(command, 'type', 'childDateOfBirth')) }];
}

function plannedEndingHeld(
  command: Extract<ReferralCommand, { type: 'CloseCase' }>,
  state: ReferralState,
): DomainError | undefined {
  if (!state.ending) {
    return conflict(
      'referral.ending-must-be-planned',
      'A planned ending is prepared three to seven sessions ahead before the case closes (003 §1a)',
    );
  }
  const { plannedOn, sessionsRemaining, sessionsHeld } = state.ending;
  return firstError(
    notBefore('closedOn', command.closedOn, { what: 'the ending was planned', on: plannedOn }),
    sessionsHeld >= sessionsRemaining ||
      (typeof command.reasonDetail === 'string' && command.reasonDetail.trim() !== '')
      ? undefined
      : new DomainError(
          'referral.ending-sessions-not-held',
          `The ending announced ${sessionsRemaining} more sessions and ${sessionsHeld} have been held; close sooner only with reasonDetail saying why`,
          'conflict',
          'reasonDetail',
        ),
  );
}

const ofTheCase = (command: { referralId: string }, state: ReferralState) => ({
  referralId: command.referralId,
  childId: state.childId as string,
});

const without = <T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> => {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
};

/** Drops keys whose value is undefined so events hold only what was said. */
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

function completePrimaryAssessmentProfile(
  command: Extract<ReferralCommand, { type: 'CompletePrimaryAssessmentProfile' }>,
  state: ReferralState,
): ReferralEvent[] | DomainError {
  // 001: the profile comes with the referral form, before the SENCo's triage.
  if (state.stage !== 'awaiting-triage')
    return conflict('referral.already-triaged', 'The profile is completed before triage');
  const error = checkProfile(command.profile, 'profile');
  if (error) return error;
  return [
    { type: 'PrimaryAssessmentProfileCompleted', data: { ...ofTheCase(command, state), profile: command.profile } },
  ];
}

function triageReferral(
  command: Extract<ReferralCommand, { type: 'TriageReferral' }>,
  state: ReferralState,
): ReferralEvent[] | DomainError {
  if (state.stage !== 'awaiting-triage')
    return conflict('referral.already-triaged', `The referral was already triaged (${state.stage})`);
  const error =
    checkTriage(command) ?? notBefore('triagedOn', command.triagedOn, { what: 'the referral', on: state.referredOn });
  if (error) return error;
  let consentIds: readonly string[] | undefined;
  if (command.outcome === 'accepted-onto-register') {
    // 001: "Before a child is placed on the Learning Mentor Pupil Register a Referral Form and Primary Assessment Profile form will be completed."
    if (!state.profileComplete) {
      return conflict(
        'referral.profile-before-register',
        'The Primary Assessment Profile is completed before the child goes on the register (001)',
      );
    }
    const covered = requireMentoringConsent(
      'Placement on the Learning Mentor Pupil Register',
      state.schoolId!,
      command.consent,
    );
    if (isDomainError(covered)) return covered;
    consentIds = covered;
  }
  const { consent: _consent, type: _type, ...rest } = command;
  return [{ type: 'ReferralTriaged', data: defined({ ...rest, ...ofTheCase(command, state), consentIds }) }];
}

function signMentoringAgreement(
  command: Extract<ReferralCommand, { type: 'SignMentoringAgreement' }>,
  state: ReferralState,
): ReferralEvent[] | DomainError {
  const error = onRegister(state) ?? checkAgreement(command) ?? notBefore('signedOn', command.signedOn, triage(state));
  if (error) return error;
  if (state.agreementSigned)
    return conflict('referral.agreement-already-signed', 'The mentoring agreement is already signed');
  return [
    {
      type: 'MentoringAgreementSigned',
      data: defined({
        ...ofTheCase(command, state),
        signedOn: command.signedOn,
        mentorId: state.mentorId as string,
        signedByChild: true as const,
        signedByMentor: true as const,
        confidentialityExplained: true as const,
        documentRef: command.documentRef,
      }),
    },
  ];
}

function recordAssessment(
  command: Extract<ReferralCommand, { type: 'RecordAssessment' }>,
  state: ReferralState,
): ReferralEvent[] | DomainError {
  const error =
    onRegister(state) ??
    checkAssessment(command, state.referredOn) ??
    notBefore('assessedOn', command.assessedOn, triage(state));
  if (error) return error;
  if (state.assessmentIds.includes(command.assessmentId))
    return conflict('referral.assessment-already-recorded', `Assessment ${command.assessmentId} is already recorded`);
  // 002 Confidentiality: the child hears the limits of confidentiality before telling their story.
  if (!state.agreementSigned) {
    return conflict(
      'referral.agreement-before-assessment',
      'The mentoring agreement explaining confidentiality is signed before the assessment (001, 002)',
    );
  }
  // 001: "Assessment starts only with consent" — and consent may have been withdrawn since triage.
  const covered = requireMentoringConsent('The assessment', state.schoolId!, command.consent);
  if (isDomainError(covered)) return covered;
  const { consent: _consent, type: _type, ...rest } = command;
  return [
    { type: 'AssessmentRecorded', data: defined({ ...rest, ...ofTheCase(command, state), consentIds: covered }) },
  ];
}

function setTargets(
  command: Extract<ReferralCommand, { type: 'SetTargets' }>,
  state: ReferralState,
): ReferralEvent[] | DomainError {
  const error = onRegister(state);
  if (error) return error;
  // 003 Box 1: goals are set on what the assessment found.
  if (!state.assessed)
    return conflict(
      'referral.assessment-before-targets',
      'Goals and targets follow the assessment (003 Box 1, step 3)',
    );
  const invalidValue = checkTargets(command, state) ?? notBefore('setOn', command.setOn, triage(state));
  if (invalidValue) return invalidValue;
  return [
    {
      type: 'TargetsSet',
      data: { ...ofTheCase(command, state), setOn: command.setOn, goals: command.goals, targets: command.targets },
    },
  ];
}

function agreeActionPlan(
  command: Extract<ReferralCommand, { type: 'AgreeActionPlan' }>,
  state: ReferralState,
): ReferralEvent[] | DomainError {
  const error = onRegister(state);
  if (error) return error;
  if (state.targetIds.length === 0)
    return conflict(
      'referral.targets-before-plan',
      'The action plan is drawn up from goals and targets (003 Box 1, step 4)',
    );
  if (state.planIds.includes(command.planId))
    return conflict('referral.plan-already-agreed', `Plan ${command.planId} is already agreed`);
  // 003 Box 1 step 5: "if there is still work to be done together, a new action plan will be formed" — after a review.
  if (state.planIds.length > 0 && state.lastReviewOutcome !== 're-plan') {
    return conflict(
      'referral.new-plan-follows-review',
      'A new action plan follows a review that decided to re-plan (003 Box 1)',
    );
  }
  const invalidValue =
    checkPlan(command, state.targetIds) ??
    notBefore('agreedOn', command.agreedOn, { what: 'the last review', on: state.lastReviewOn }) ??
    notBefore('agreedOn', command.agreedOn, triage(state));
  if (invalidValue) return invalidValue;
  return [{ type: 'ActionPlanAgreed', data: defined({ ...without(command, 'type'), ...ofTheCase(command, state) }) }];
}

function recordSession(
  command: Extract<ReferralCommand, { type: 'RecordSession' }>,
  state: ReferralState,
): ReferralEvent[] | DomainError {
  const error =
    onRegister(state) ??
    checkSession(command, state.referredOn) ??
    notBefore('heldOn', command.heldOn, { what: 'the mentoring agreement was signed', on: state.agreementSignedOn });
  if (error) return error;
  if (state.sessionIds.includes(command.sessionId))
    return conflict('referral.session-already-recorded', `Session ${command.sessionId} is already recorded`);
  // 001: the mentoring agreement explaining confidentiality comes before one-to-one work.
  if (!state.agreementSigned)
    return conflict(
      'referral.agreement-before-sessions',
      'Sessions start once the mentoring agreement is signed (001)',
    );
  if (command.targetIds !== undefined && !Array.isArray(command.targetIds))
    return invalid('value.list-required', 'targetIds', 'targetIds must be a list');
  const unknown = (command.targetIds ?? []).findIndex((id) => !state.targetIds.includes(id));
  if (unknown >= 0)
    return invalid('referral.unknown-target', `targetIds[${unknown}]`, 'A session works towards targets of this case');
  return [{ type: 'SessionRecorded', data: defined({ ...without(command, 'type'), ...ofTheCase(command, state) }) }];
}

function holdReview(
  command: Extract<ReferralCommand, { type: 'HoldReview' }>,
  state: ReferralState,
): ReferralEvent[] | DomainError {
  const error = onRegister(state);
  if (error) return error;
  if (state.planIds.length === 0)
    return conflict(
      'referral.plan-before-review',
      'Progress is reviewed against an agreed action plan (003 Box 1, step 5)',
    );
  if (state.reviewIds.includes(command.reviewId))
    return conflict('referral.review-already-held', `Review ${command.reviewId} is already recorded`);
  const invalidValue =
    checkReview(command, state.planTargetIds) ??
    notBefore('heldOn', command.heldOn, { what: 'the action plan was agreed', on: state.planAgreedOn });
  if (invalidValue) return invalidValue;
  return [{ type: 'ReviewHeld', data: defined({ ...without(command, 'type'), ...ofTheCase(command, state) }) }];
}

function planEnding(
  command: Extract<ReferralCommand, { type: 'PlanEnding' }>,
  state: ReferralState,
): ReferralEvent[] | DomainError {
  const error = onRegister(state);
  if (error) return error;
  if (state.ending) return conflict('referral.ending-already-planned', 'The ending is already planned');
  // 003 §1a: at the review, if enough progress has been made, the mentor and child prepare to end.
  if (state.lastReviewOutcome !== 'begin-ending') {
    return conflict(
      'referral.ending-follows-review',
      'An ending is planned after a review decides to begin ending (003 §1a)',
    );
  }
  const invalidValue =
    checkEnding(command) ??
    notBefore('plannedOn', command.plannedOn, { what: 'the review that began the ending', on: state.lastReviewOn });
  if (invalidValue) return invalidValue;
  return [{ type: 'EndingPlanned', data: { ...without(command, 'type'), ...ofTheCase(command, state) } }];
}

function closeCase(
  command: Extract<ReferralCommand, { type: 'CloseCase' }>,
  state: ReferralState,
): ReferralEvent[] | DomainError {
  const error =
    onRegister(state) ??
    checkClosure(command, state.referredOn) ??
    notBefore('closedOn', command.closedOn, triage(state));
  if (error) return error;
  if (command.reason === 'planned-ending') {
    const refused = plannedEndingHeld(command, state);
    if (refused) return refused;
  }
  return [{ type: 'CaseClosed', data: defined({ ...without(command, 'type'), ...ofTheCase(command, state) }) }];
}

function recordFollowUp(
  command: Extract<ReferralCommand, { type: 'RecordFollowUp' }>,
  state: ReferralState,
): ReferralEvent[] | DomainError {
  if (state.stage !== 'closed')
    return conflict(
      'referral.follow-up-after-exit',
      'A follow-up is recorded after the case has closed (003 §1a endings)',
    );
  if (state.followUpIds.includes(command.followUpId))
    return conflict('referral.follow-up-already-recorded', `Follow-up ${command.followUpId} is already recorded`);
  const invalidValue = checkFollowUp(command, state.closedOn);
  if (invalidValue) return invalidValue;
  return [{ type: 'FollowUpRecorded', data: defined({ ...without(command, 'type'), ...ofTheCase(command, state) }) }];
}

function decide(command: ReferralCommand, state: ReferralState): ReferralEvent[] | DomainError {
  if (command.type === 'MakeReferral') return makeReferral(command, state);
  if (state.stage === 'not-made') return conflict('referral.not-made', 'No referral has been made for this case');

  switch (command.type) {
    case 'CompletePrimaryAssessmentProfile':
      return completePrimaryAssessmentProfile(command, state);
    case 'TriageReferral':
      return triageReferral(command, state);
    case 'SignMentoringAgreement':
      return signMentoringAgreement(command, state);
    case 'RecordAssessment':
      return recordAssessment(command, state);
    case 'SetTargets':
      return setTargets(command, state);
    case 'AgreeActionPlan':
      return agreeActionPlan(command, state);
    case 'RecordSession':
      return recordSession(command, state);
    case 'HoldReview':
      return holdReview(command, state);
    case 'PlanEnding':
      return planEnding(command, state);
    case 'CloseCase':
      return closeCase(command, state);
    case 'RecordFollowUp':
      return recordFollowUp(command, state);
  }
}

function evolve(state: ReferralState, event: ReferralEvent): ReferralState {
  switch (event.type) {
    case 'ReferralMade':
      return {
        ...state,
        stage: 'awaiting-triage',
        childId: event.data.childId,
        schoolId: event.data.schoolId,
        referredOn: event.data.referredOn,
        // Null once erased: the profile was complete when recorded.
        profileComplete: event.data.profile !== undefined,
      };
    case 'PrimaryAssessmentProfileCompleted':
      return { ...state, profileComplete: true };
    case 'ReferralTriaged':
      if (event.data.outcome !== 'accepted-onto-register')
        return { ...state, stage: event.data.outcome, triagedOn: event.data.triagedOn };
      return {
        ...state,
        stage: 'on-register',
        mentorId: event.data.mentorId,
        workMode: event.data.workMode,
        triagedOn: event.data.triagedOn,
      };
    case 'MentoringAgreementSigned':
      return { ...state, agreementSigned: true, agreementSignedOn: event.data.signedOn };
    case 'AssessmentRecorded':
      return { ...state, assessed: true, assessmentIds: [...state.assessmentIds, event.data.assessmentId] };
    case 'TargetsSet':
      return {
        ...state,
        goalIds: [...state.goalIds, ...(event.data.goals ?? []).map((g) => g.goalId)],
        targetIds: [...state.targetIds, ...(event.data.targets ?? []).map((t) => t.targetId)],
      };
    case 'ActionPlanAgreed':
      return {
        ...state,
        planIds: [...state.planIds, event.data.planId],
        planTargetIds: event.data.targetIds,
        lastReviewOutcome: undefined,
        planAgreedOn: event.data.agreedOn,
      };
    case 'SessionRecorded':
      return {
        ...state,
        sessionIds: [...state.sessionIds, event.data.sessionId],
        ending: state.ending && { ...state.ending, sessionsHeld: state.ending.sessionsHeld + 1 },
      };
    case 'ReviewHeld':
      return {
        ...state,
        reviewIds: [...state.reviewIds, event.data.reviewId],
        lastReviewOutcome: event.data.outcome,
        lastReviewOn: event.data.heldOn,
        // A review that decides to go on calls off an ending in preparation.
        ending: event.data.outcome === 'begin-ending' ? state.ending : undefined,
      };
    case 'EndingPlanned':
      return {
        ...state,
        ending: { plannedOn: event.data.plannedOn, sessionsRemaining: event.data.sessionsRemaining, sessionsHeld: 0 },
      };
    case 'CaseClosed':
      return { ...state, stage: 'closed', closedOn: event.data.closedOn };
    case 'FollowUpRecorded':
      return { ...state, followUpIds: [...state.followUpIds, event.data.followUpId] };
  }
}

export const referralDecider: Decider<ReferralCommand, ReferralEvent, ReferralState> = {
  initialState: notMade,
  decide,
  evolve,
};
