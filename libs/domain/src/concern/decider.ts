import { consentCovering, practitionerOf, type WorkingDayCalendar } from '../multi-agency';
import {
  type Actor,
  addMonths,
  dayOf,
  type Decider,
  DomainError,
  firstError,
  isInformationCategory,
  notBefore,
  type IsoDate,
  requireDate,
  requireText,
  invalid,
} from '../shared';
import type { ConcernCommand } from './commands';
import { familyToldError } from '../sharing/family-told';
import { WITHOUT_CONSENT_GROUNDS } from '../sharing/vocabulary';
import {
  type Breach,
  type ConcernClock,
  type ConcernEvent,
  DSL_OUTCOMES,
  type ReferralBasis,
  type ReferralDetails,
  REFERRAL_URGENCIES,
  SOCIAL_CARE_DECISIONS,
} from './events';
import { type ClockStatus, clockStatus, clocksAfter, referredOn } from './clocks';
import type { ClockState, ConcernState } from './state';

/** Working Together 2023 (DESIGN §3). */
const DECISION_WORKING_DAYS = 1;
const ASSESSMENT_WORKING_DAYS = 45;
/** Decisions after which social care assesses the child, on the 45-day clock. */
const ASSESSED: readonly string[] = ['child-in-need-assessment', 'strategy-discussion'];
const INITIAL_CONFERENCE_WORKING_DAYS = 15;
const CORE_GROUP_WORKING_DAYS = 10;
const FIRST_REVIEW_MONTHS = 3;
const LATER_REVIEW_MONTHS = 6;

const onlyRole = (actor: Actor, roles: readonly string[], act: string) =>
  roles.includes(actor.role)
    ? undefined
    : new DomainError('concern.role', `Only a ${roles.join(' or ')} may ${act}`, 'forbidden');
const openClock = (state: Extract<ConcernState, { concernId: string }>, clock: ConcernClock) =>
  state.clocks.find((c) => c.clock === clock && c.metOn === undefined);

/**
 * An act on a clock is measured on the day it happened, not the day it was recorded; it can
 * never meet the clock before the clock started. A late act must say why: the breach goes on
 * record with it.
 */
function lateness(
  clock: ClockState | undefined,
  field: string,
  on: IsoDate,
  lateReason: string | undefined,
): { breach?: Breach } | DomainError {
  const early = clock && notBefore(field, on, { what: `the ${clock.clock} clock started`, on: clock.startedOn });
  if (early) return early;
  if (!clock || on <= clock.dueBy) return {};
  if (typeof lateReason !== 'string' || lateReason.trim() === '') {
    return invalid(
      'concern.late-reason-required',
      'lateReason',
      `Due by ${clock.dueBy}; a late ${clock.clock} records why it was late`,
    );
  }
  return { breach: { dueBy: clock.dueBy, reason: lateReason } };
}

/**
 * With consent: the consent the platform found covering information-sharing with social care
 * on every category, else the refusal saying what is missing. Otherwise the Box 13 ground.
 */
function referralBasis(r: ReferralDetails): ReferralBasis | DomainError {
  if (r.withConsent !== true) return { kind: 'without-consent', ground: r.ground! };
  const consent = consentCovering(
    'concern.referral-consent',
    'A referral with consent',
    'information-sharing',
    r.consent,
  );
  return consent instanceof DomainError ? consent : { kind: 'consent', consentIds: [consent.consentId] };
}

type RaisedConcern = Exclude<ConcernState, { status: 'none' }>;

const idsOf = (state: RaisedConcern) => ({ concernId: state.concernId, childId: state.childId });

function raiseConcern(
  command: Extract<ConcernCommand, { type: 'RaiseConcern' }>,
  state: ConcernState,
): ConcernEvent[] | DomainError {
  if (state.status !== 'none') return new DomainError('concern.already-raised', 'This concern is already recorded');
  if (command.by.role === 'parent-carer' || command.by.role === 'young-person')
    return new DomainError('concern.staff-only', 'A concern is raised by a member of staff', 'forbidden');
  const bad = requireText(command.seenOrHeard, 'seenOrHeard', 'concern.seen-or-heard-required');
  if (bad) return bad;
  return [
    {
      type: 'ConcernRaised',
      data: {
        concernId: command.concernId,
        childId: command.childId,
        raisedBy: practitionerOf(command.by),
        seenOrHeard: command.seenOrHeard,
        raisedAt: command.at,
      },
    },
  ];
}

function reviewConcern(
  command: Extract<ConcernCommand, { type: 'ReviewConcern' }>,
  state: RaisedConcern,
  calendar: WorkingDayCalendar,
): ConcernEvent[] | DomainError {
  const ids = idsOf(state);
  const by = practitionerOf(command.by);
  const bad = firstError(
    onlyRole(command.by, ['dsl'], 'review a safeguarding concern'),
    (DSL_OUTCOMES as readonly string[]).includes(command.outcome)
      ? undefined
      : invalid('concern.outcome', 'outcome', `outcome is ${DSL_OUTCOMES.join(', ')}`),
    requireText(command.reasons, 'reasons', 'concern.reasons-required'),
    requireDate(command.reviewedOn, 'reviewedOn', 'concern.reviewed-on'),
    notBefore('reviewedOn', command.reviewedOn, { what: 'the concern was raised', on: state.on.raised }),
  );
  if (bad) return bad;
  if (state.status !== 'raised')
    return new DomainError('concern.already-reviewed', 'The DSL has already reviewed this concern');
  const reviewed: ConcernEvent = {
    type: 'ConcernReviewed',
    data: {
      ...ids,
      reviewedBy: by,
      outcome: command.outcome,
      reasons: command.reasons,
      reviewedOn: command.reviewedOn,
    },
  };
  if (command.outcome !== 'refer-to-social-care') return [reviewed];
  const r = command.referral;
  const badReferral = firstError(
    r?.withConsent === true || (WITHOUT_CONSENT_GROUNDS as readonly string[]).includes(r?.ground as string)
      ? undefined
      : invalid(
          'concern.referral-ground',
          'referral.ground',
          `referral.ground is one of ${WITHOUT_CONSENT_GROUNDS.join(', ')} (Box 13), or referral.withConsent is true`,
        ),
    (REFERRAL_URGENCIES as readonly string[]).includes(r?.urgency as string)
      ? undefined
      : invalid('concern.referral-urgency', 'referral.urgency', `referral.urgency is ${REFERRAL_URGENCIES.join(', ')}`),
    Array.isArray(r?.categories) && r.categories.length > 0 && r.categories.every(isInformationCategory)
      ? undefined
      : invalid(
          'concern.referral-categories',
          'referral.categories',
          'referral.categories lists categories of information',
        ),
    requireText(r?.summary, 'referral.summary', 'concern.referral-summary'),
    r?.familyTold === undefined ? undefined : familyToldError('concern.referral', 'referral.familyTold', r.familyTold),
  );
  if (badReferral || !r) return badReferral!;
  const basis = referralBasis(r);
  if (basis instanceof DomainError) return basis;
  return [
    reviewed,
    {
      type: 'ConcernReferredToSocialCare',
      data: {
        ...ids,
        referredBy: by,
        referredOn: command.reviewedOn,
        referredAt: command.at,
        basis,
        urgency: r.urgency,
        categories: [...new Set(r.categories)],
        summary: r.summary,
        ...(r.familyTold ? { familyTold: r.familyTold } : {}),
        decisionDueBy: calendar.addWorkingDays(command.reviewedOn, DECISION_WORKING_DAYS),
      },
    },
  ];
}

function recordSocialCareDecision(
  command: Extract<ConcernCommand, { type: 'RecordSocialCareDecision' }>,
  state: RaisedConcern,
  calendar: WorkingDayCalendar,
): ConcernEvent[] | DomainError {
  const ids = idsOf(state);
  const by = practitionerOf(command.by);
  const bad = firstError(
    onlyRole(command.by, ['social-worker'], 'record the decision on a referral'),
    (SOCIAL_CARE_DECISIONS as readonly string[]).includes(command.decision)
      ? undefined
      : invalid('concern.decision', 'decision', `decision is ${SOCIAL_CARE_DECISIONS.join(', ')}`),
    requireText(command.reasons, 'reasons', 'concern.reasons-required'),
    requireDate(command.decidedOn, 'decidedOn', 'concern.decided-on'),
    notBefore('decidedOn', command.decidedOn, { what: 'the referral to social care', on: state.on.referred }),
  );
  if (bad) return bad;
  if (state.status !== 'referred')
    return new DomainError('concern.not-referred', 'Only a referral awaiting its decision can be decided');
  const late = lateness(openClock(state, 'social-care-decision'), 'decidedOn', command.decidedOn, command.lateReason);
  if (late instanceof DomainError) return late;
  const from = referredOn(state.clocks);
  const assessment =
    ASSESSED.includes(command.decision) && from
      ? { assessmentDueBy: calendar.addWorkingDays(from, ASSESSMENT_WORKING_DAYS) }
      : {};
  return [
    {
      type: 'SocialCareDecisionMade',
      data: {
        ...ids,
        decision: command.decision,
        reasons: command.reasons,
        decidedBy: by,
        decidedOn: command.decidedOn,
        ...late,
        ...assessment,
      },
    },
  ];
}

function recordAssessmentCompleted(
  command: Extract<ConcernCommand, { type: 'RecordAssessmentCompleted' }>,
  state: RaisedConcern,
): ConcernEvent[] | DomainError {
  const ids = idsOf(state);
  const by = practitionerOf(command.by);
  const bad = firstError(
    onlyRole(command.by, ['social-worker'], 'record an assessment'),
    requireDate(command.completedOn, 'completedOn', 'concern.completed-on'),
    notBefore('completedOn', command.completedOn, { what: 'the decision to assess', on: state.on.decided }),
    requireText(command.outcome, 'outcome', 'concern.outcome-required'),
  );
  if (bad) return bad;
  const clock = openClock(state, 'assessment');
  if (!clock) return new DomainError('concern.no-assessment-due', 'No assessment is under way for this concern');
  const late = lateness(clock, 'completedOn', command.completedOn, command.lateReason);
  if (late instanceof DomainError) return late;
  return [
    {
      type: 'AssessmentCompleted',
      data: { ...ids, completedOn: command.completedOn, outcome: command.outcome, recordedBy: by, ...late },
    },
  ];
}

function recordStrategyDiscussion(
  command: Extract<ConcernCommand, { type: 'RecordStrategyDiscussion' }>,
  state: RaisedConcern,
  calendar: WorkingDayCalendar,
): ConcernEvent[] | DomainError {
  const ids = idsOf(state);
  const by = practitionerOf(command.by);
  const bad = firstError(
    onlyRole(command.by, ['social-worker'], 'record a strategy discussion'),
    requireDate(command.heldOn, 'heldOn', 'concern.held-on'),
    notBefore('heldOn', command.heldOn, { what: 'the decision to hold a strategy discussion', on: state.on.decided }),
    requireText(command.outcome, 'outcome', 'concern.outcome-required'),
  );
  if (bad) return bad;
  if (state.status !== 'decided')
    return new DomainError('concern.no-strategy-decision', 'A strategy discussion follows a decision to hold one');
  return [
    {
      type: 'StrategyDiscussionHeld',
      data: {
        ...ids,
        heldOn: command.heldOn,
        outcome: command.outcome,
        recordedBy: by,
        initialConferenceDueBy: calendar.addWorkingDays(command.heldOn, INITIAL_CONFERENCE_WORKING_DAYS),
      },
    },
  ];
}

function recordConference(
  command: Extract<ConcernCommand, { type: 'RecordConference' }>,
  state: RaisedConcern,
  calendar: WorkingDayCalendar,
): ConcernEvent[] | DomainError {
  const ids = idsOf(state);
  const by = practitionerOf(command.by);
  const bad = firstError(
    onlyRole(command.by, ['social-worker'], 'record a child protection conference'),
    requireDate(command.heldOn, 'heldOn', 'concern.held-on'),
    command.kind === 'initial' || command.kind === 'review'
      ? undefined
      : invalid('concern.conference-kind', 'kind', 'kind is initial or review'),
    typeof command.childProtectionPlan === 'boolean'
      ? undefined
      : invalid('concern.plan', 'childProtectionPlan', 'childProtectionPlan is true or false'),
  );
  if (bad) return bad;
  const expected = command.kind === 'initial' ? 'strategy' : 'plan';
  if (state.status !== expected)
    return new DomainError(
      'concern.conference-out-of-order',
      command.kind === 'initial'
        ? 'An initial conference follows a strategy discussion'
        : 'A review conference is for a child with a plan',
    );
  const follows =
    command.kind === 'initial'
      ? { what: 'the strategy discussion', on: state.on.strategy }
      : { what: 'the previous conference', on: state.on.conference };
  const early = notBefore('heldOn', command.heldOn, follows);
  if (early) return early;
  const late = lateness(
    openClock(state, command.kind === 'initial' ? 'initial-conference' : 'review-conference'),
    'heldOn',
    command.heldOn,
    command.lateReason,
  );
  if (late instanceof DomainError) return late;
  const plan = command.childProtectionPlan
    ? {
        ...(command.kind === 'initial'
          ? { coreGroupDueBy: calendar.addWorkingDays(command.heldOn, CORE_GROUP_WORKING_DAYS) }
          : {}),
        nextReviewDueBy: addMonths(
          command.heldOn,
          command.kind === 'initial' ? FIRST_REVIEW_MONTHS : LATER_REVIEW_MONTHS,
        ),
      }
    : {};
  return [
    {
      type: 'ChildProtectionConferenceHeld',
      data: {
        ...ids,
        kind: command.kind,
        heldOn: command.heldOn,
        childProtectionPlan: command.childProtectionPlan,
        recordedBy: by,
        ...late,
        ...plan,
      },
    },
  ];
}

function recordCoreGroup(
  command: Extract<ConcernCommand, { type: 'RecordCoreGroup' }>,
  state: RaisedConcern,
): ConcernEvent[] | DomainError {
  const ids = idsOf(state);
  const by = practitionerOf(command.by);
  const bad = firstError(
    onlyRole(command.by, ['social-worker'], 'record a core group'),
    requireDate(command.heldOn, 'heldOn', 'concern.held-on'),
    notBefore('heldOn', command.heldOn, {
      what: 'the conference that made the child protection plan',
      on: state.on.plan,
    }),
  );
  if (bad) return bad;
  if (state.status !== 'plan')
    return new DomainError('concern.no-plan', 'Core groups meet for a child with a child protection plan');
  const late = lateness(openClock(state, 'core-group'), 'heldOn', command.heldOn, command.lateReason);
  if (late instanceof DomainError) return late;
  return [{ type: 'CoreGroupMet', data: { ...ids, heldOn: command.heldOn, recordedBy: by, ...late } }];
}

function submitMentorReport(
  command: Extract<ConcernCommand, { type: 'SubmitMentorReport' }>,
  state: RaisedConcern,
): ConcernEvent[] | DomainError {
  const ids = idsOf(state);
  const by = practitionerOf(command.by);
  const bad = firstError(
    onlyRole(command.by, ['learning-mentor', 'key-worker'], "submit the mentor's report"),
    requireDate(command.submittedOn, 'submittedOn', 'concern.submitted-on'),
    notBefore('submittedOn', command.submittedOn, { what: 'the strategy discussion', on: state.on.strategy }),
    command.forMeeting === 'conference' || command.forMeeting === 'core-group'
      ? undefined
      : invalid('concern.for-meeting', 'forMeeting', 'forMeeting is conference or core-group'),
    requireText(command.report?.progress, 'report.progress', 'concern.report-progress'),
    requireText(command.report?.reasonForReferral, 'report.reasonForReferral', 'concern.report-reason'),
  );
  if (bad) return bad;
  if (!['strategy', 'plan'].includes(state.status))
    return new DomainError('concern.no-meeting', 'Reports go to a conference or core group');
  return [
    {
      type: 'MentorReportSubmitted',
      data: {
        ...ids,
        reportId: command.reportId,
        forMeeting: command.forMeeting,
        report: command.report,
        submittedBy: by,
        submittedOn: command.submittedOn,
      },
    },
  ];
}

/**
 * A safeguarding concern (003 §1c): raised by any member of staff, reviewed by the DSL,
 * referred to children's social care, and followed through strategy discussion,
 * conferences and core groups on the Working Together clocks.
 */
export function concernDecider(calendar: WorkingDayCalendar): Decider<ConcernCommand, ConcernEvent, ConcernState> {
  return {
    initialState: { status: 'none' },

    decide(command, state) {
      if (command.type === 'RaiseConcern') return raiseConcern(command, state);
      if (state.status === 'none') return new DomainError('concern.not-raised', 'No such concern');

      switch (command.type) {
        case 'ReviewConcern':
          return reviewConcern(command, state, calendar);
        case 'RecordSocialCareDecision':
          return recordSocialCareDecision(command, state, calendar);
        case 'RecordAssessmentCompleted':
          return recordAssessmentCompleted(command, state);
        case 'RecordStrategyDiscussion':
          return recordStrategyDiscussion(command, state, calendar);
        case 'RecordConference':
          return recordConference(command, state, calendar);
        case 'RecordCoreGroup':
          return recordCoreGroup(command, state);
        case 'SubmitMentorReport':
          return submitMentorReport(command, state);
      }
      return new DomainError('concern.unknown-command', 'Unknown command', 'invalid', 'type');
    },

    evolve(state, event) {
      if (event.type === 'ConcernRaised')
        return {
          status: 'raised',
          concernId: event.data.concernId,
          childId: event.data.childId,
          clocks: [],
          on: { raised: dayOf(event.data.raisedAt) },
        };
      if (state.status === 'none') return state;
      const clocks = clocksAfter(state.clocks, event);
      switch (event.type) {
        case 'ConcernReviewed':
          return {
            ...state,
            status: event.data.outcome === 'refer-to-social-care' ? 'reviewed' : 'closed',
            outcome: event.data.outcome,
          };
        case 'ConcernReferredToSocialCare':
          return { ...state, status: 'referred', clocks, on: { ...state.on, referred: event.data.referredOn } };
        case 'SocialCareDecisionMade': {
          const decision = event.data.decision;
          const status =
            decision === 'strategy-discussion'
              ? 'decided'
              : decision === 'child-in-need-assessment'
                ? 'assessing'
                : 'closed';
          return { ...state, status, clocks, on: { ...state.on, decided: event.data.decidedOn } };
        }
        case 'StrategyDiscussionHeld':
          return { ...state, status: 'strategy', clocks, on: { ...state.on, strategy: event.data.heldOn } };
        case 'ChildProtectionConferenceHeld': {
          const d = event.data;
          return {
            ...state,
            status: d.childProtectionPlan ? 'plan' : 'closed',
            clocks,
            on: {
              ...state.on,
              conference: d.heldOn,
              plan: state.on.plan ?? (d.childProtectionPlan ? d.heldOn : undefined),
            },
          };
        }
        default:
          return { ...state, clocks };
      }
    },
  };
}

/** Each clock as the social-care view shows it on a day. */
export function workingTogetherClocks(
  state: ConcernState,
  today: IsoDate,
): Array<ClockState & { status: ClockStatus }> {
  if (state.status === 'none') return [];
  return state.clocks.map((c) => ({ ...c, status: clockStatus(c, today) }));
}
