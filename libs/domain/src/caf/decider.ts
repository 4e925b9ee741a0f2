import {
  type Actor,
  type Decider,
  DomainError,
  isAgencyId,
  isDomainError,
  notBefore,
  firstError,
  requireDate,
  requireText,
} from '../shared';
import { consentCovering, isFamily, practitionerOf } from '../multi-agency';
import type { CafCommand } from './commands';
import type { CafEvent, NamedPractitioner } from './events';
import type { CafState, StartedCaf } from './state';
import {
  ACTION_STATUSES,
  CAF_DOMAINS,
  CAF_ELEMENT_CATEGORIES,
  CAF_ELEMENTS,
  CAF_OUTCOMES,
  type CafElement,
  FINISHED_ACTION_STATUSES,
  isElementOf,
} from './vocabulary';

const practitionersOnly = (actor: Actor, act: string) =>
  isFamily(actor)
    ? new DomainError('caf.practitioners-only', `Only a practitioner may ${act}`, 'forbidden')
    : undefined;

const notClosed = (state: StartedCaf) =>
  state.status === 'closed' ? new DomainError('caf.closed', `CAF ${state.cafId} is closed`) : undefined;

const completedOnly = (state: StartedCaf, act: string) =>
  state.status === 'assessing'
    ? new DomainError('caf.assessment-not-completed', `The assessment is completed before ${act}`)
    : undefined;

function invalidPractitioner(field: string, p: NamedPractitioner | undefined): DomainError | undefined {
  return (
    firstError(
      requireText(p?.userId, `${field}.userId`, 'caf.practitioner-required'),
      requireText(p?.agencyId, `${field}.agencyId`, 'caf.practitioner-required'),
    ) ??
    (isFamily(p as Actor)
      ? new DomainError('caf.practitioners-only', 'A lead professional is a practitioner', 'invalid', `${field}.role`)
      : undefined)
  );
}

/** The day each act on a CAF says it happened: never before the CAF was started, never after today (the API checks that). */
export const CAF_ACT_DAYS: Readonly<Record<Exclude<CafCommand['type'], 'StartCaf'>, string>> = {
  ContributeToCaf: 'recordedOn',
  CorrectCafContribution: 'recordedOn',
  RecordCafViews: 'recordedOn',
  CompleteCaf: 'completedOn',
  HoldTeamAroundTheChildMeeting: 'heldOn',
  AppointLeadProfessional: 'appointedOn',
  HandOverLeadProfessional: 'handedOverOn',
  AgreePlanAction: 'agreedOn',
  UpdatePlanAction: 'updatedOn',
  ReviewCaf: 'reviewedOn',
  CloseCaf: 'closedOn',
};

const named = (p: NamedPractitioner): NamedPractitioner => ({
  userId: p.userId,
  role: p.role,
  agencyId: p.agencyId,
  ...(p.name ? { name: p.name } : {}),
});

const withheld = (w: { reason: string } | undefined) =>
  w === undefined ? undefined : requireText(w?.reason, 'withheldFromFamily.reason', 'caf.withholding-reason-required');

const ofCaf = (state: StartedCaf) => ({ cafId: state.cafId, childId: state.childId });

function startCaf(command: Extract<CafCommand, { type: 'StartCaf' }>, state: CafState): CafEvent[] | DomainError {
  if (state.status !== 'none')
    return new DomainError('caf.already-started', `CAF ${command.cafId} has already been started`);
  const refused = firstError(
    practitionersOnly(command.by, 'start a common assessment'),
    requireText(command.childId, 'childId', 'caf.child-required'),
    requireDate(command.startedOn, 'startedOn', 'caf.started-on'),
    requireText(command.reasonForAssessment, 'reasonForAssessment', 'caf.reason-required'),
  );
  if (refused) return refused;
  const consent = consentCovering('caf.consent-required', 'A common assessment', 'common-assessment', command.consent);
  if (isDomainError(consent)) return consent;
  return [
    {
      type: 'CafStarted',
      data: {
        cafId: command.cafId,
        childId: command.childId,
        startedBy: practitionerOf(command.by),
        startedOn: command.startedOn,
        consentId: consent.consentId,
        reasonForAssessment: command.reasonForAssessment,
      },
    },
  ];
}

function contributeToCaf(
  command: Extract<CafCommand, { type: 'ContributeToCaf' }>,
  state: StartedCaf,
): CafEvent[] | DomainError {
  const base = ofCaf(state);
  const refused = firstError(
    practitionersOnly(command.by, 'contribute to the assessment; the family gives its views'),
    state.status === 'assessing'
      ? undefined
      : new DomainError(
          'caf.assessment-completed',
          'The assessment is completed: correct a contribution rather than add one',
        ),
    requireText(command.contributionId, 'contributionId', 'caf.contribution-id'),
    CAF_DOMAINS.includes(command.domain)
      ? undefined
      : new DomainError('caf.domain', `The domain is one of ${CAF_DOMAINS.join(', ')}`, 'invalid', 'domain'),
    CAF_DOMAINS.includes(command.domain) && !isElementOf(command.domain, command.element)
      ? new DomainError(
          'caf.element',
          `In ${command.domain} the element is one of ${CAF_ELEMENTS[command.domain].join(', ')}`,
          'invalid',
          'element',
        )
      : undefined,
    requireText(command.text, 'text', 'caf.text-required'),
    requireDate(command.recordedOn, 'recordedOn', 'caf.recorded-on'),
    withheld(command.withheldFromFamily),
  );
  if (refused) return refused;
  // What the element is, not what the contributor calls it, decides what the consent must cover.
  const category = CAF_ELEMENT_CATEGORIES[command.element as CafElement];
  const consent = consentCovering(
    'caf.contribution-beyond-consent',
    `A contribution on ${command.element} (${category} information)`,
    'common-assessment',
    command.consent,
  );
  if (isDomainError(consent)) return new DomainError(consent.rule, consent.message, 'forbidden', 'element');
  if (state.contributions[command.contributionId])
    return new DomainError('caf.contribution-exists', `Contribution ${command.contributionId} already exists`);
  return [
    {
      type: 'CafContributionRecorded',
      data: {
        ...base,
        contributionId: command.contributionId,
        domain: command.domain,
        element: command.element as never,
        text: command.text,
        contributor: practitionerOf(command.by),
        recordedOn: command.recordedOn,
        secondHand: command.secondHand === true,
        withheldFromFamily: command.withheldFromFamily !== undefined,
        ...(command.withheldFromFamily ? { withheldReason: command.withheldFromFamily.reason } : {}),
      },
    },
  ];
}

function correctCafContribution(
  command: Extract<CafCommand, { type: 'CorrectCafContribution' }>,
  state: StartedCaf,
): CafEvent[] | DomainError {
  const base = ofCaf(state);
  const refused = firstError(
    practitionersOnly(command.by, 'correct a contribution'),
    requireText(command.contributionId, 'contributionId', 'caf.contribution-id'),
    requireText(command.text, 'text', 'caf.text-required'),
    requireText(command.correctionReason, 'correctionReason', 'caf.correction-reason-required'),
    requireDate(command.recordedOn, 'recordedOn', 'caf.recorded-on'),
    withheld(command.withheldFromFamily),
  );
  if (refused) return refused;
  const original = state.contributions[command.supersedes];
  if (!original)
    return new DomainError(
      'caf.contribution-not-found',
      `Contribution ${command.supersedes} is not part of this CAF`,
      'invalid',
      'supersedes',
    );
  if (original.supersededBy) {
    return new DomainError(
      'caf.contribution-already-superseded',
      `Contribution ${command.supersedes} was already superseded by ${original.supersededBy}; correct that one`,
    );
  }
  if (original.contributor.agencyId !== command.by.agencyId) {
    return new DomainError(
      'caf.correction-by-contributing-agency',
      `Only ${original.contributor.agencyId}, which contributed it, may correct this contribution`,
      'forbidden',
    );
  }
  if (state.contributions[command.contributionId])
    return new DomainError('caf.contribution-exists', `Contribution ${command.contributionId} already exists`);
  return [
    {
      type: 'CafContributionRecorded',
      data: {
        ...base,
        contributionId: command.contributionId,
        domain: original.domain,
        element: original.element,
        text: command.text,
        contributor: practitionerOf(command.by),
        recordedOn: command.recordedOn,
        secondHand: command.secondHand === true,
        withheldFromFamily: command.withheldFromFamily !== undefined,
        ...(command.withheldFromFamily ? { withheldReason: command.withheldFromFamily.reason } : {}),
        supersedes: command.supersedes,
        correctionReason: command.correctionReason,
      },
    },
  ];
}

function recordCafViews(
  command: Extract<CafCommand, { type: 'RecordCafViews' }>,
  state: StartedCaf,
): CafEvent[] | DomainError {
  const base = ofCaf(state);
  const refused = firstError(
    command.whose === 'child' || command.whose === 'family'
      ? undefined
      : new DomainError('caf.whose-views', "The views are the child's or the family's", 'invalid', 'whose'),
    requireText(command.views, 'views', 'caf.views-required'),
    requireDate(command.recordedOn, 'recordedOn', 'caf.recorded-on'),
  );
  if (refused) return refused;
  // A parent records the family's views and a young person their own; practitioners record either.
  if (
    (command.by.role === 'parent-carer' && command.whose !== 'family') ||
    (command.by.role === 'young-person' && command.whose !== 'child')
  ) {
    return new DomainError('caf.own-views-only', 'A family member records their own views', 'forbidden');
  }
  if (state.viewsIds.includes(command.viewsId))
    return new DomainError('caf.views-exist', `Views ${command.viewsId} are already recorded`);
  return [
    {
      type: 'CafViewsRecorded',
      data: {
        ...base,
        viewsId: command.viewsId,
        whose: command.whose,
        views: command.views,
        recordedBy: practitionerOf(command.by),
        recordedOn: command.recordedOn,
      },
    },
  ];
}

function completeCaf(
  command: Extract<CafCommand, { type: 'CompleteCaf' }>,
  state: StartedCaf,
): CafEvent[] | DomainError {
  const base = ofCaf(state);
  const refused = firstError(
    practitionersOnly(command.by, 'complete the assessment'),
    requireDate(command.completedOn, 'completedOn', 'caf.completed-on'),
    requireText(command.summary, 'summary', 'caf.summary-required'),
  );
  if (refused) return refused;
  if (state.status !== 'assessing')
    return new DomainError('caf.already-completed', 'The assessment is already completed');
  if (Object.keys(state.contributions).length === 0)
    return new DomainError('caf.contributions-required', 'An assessment is completed with at least one contribution');
  if (state.viewsIds.length === 0)
    return new DomainError(
      'caf.views-required',
      "The child's or the family's views are recorded before the assessment is completed",
    );
  return [
    {
      type: 'CafCompleted',
      data: {
        ...base,
        completedOn: command.completedOn,
        completedBy: practitionerOf(command.by),
        summary: command.summary,
      },
    },
  ];
}

function holdTeamAroundTheChildMeeting(
  command: Extract<CafCommand, { type: 'HoldTeamAroundTheChildMeeting' }>,
  state: StartedCaf,
): CafEvent[] | DomainError {
  const base = ofCaf(state);
  const refused = firstError(
    requireDate(command.heldOn, 'heldOn', 'caf.held-on'),
    Array.isArray(command.attendees) && command.attendees.length > 0
      ? undefined
      : new DomainError('caf.attendees-required', 'Name who attended', 'invalid', 'attendees'),
    ...(command.attendees ?? []).map((a, i) => invalidPractitioner(`attendees[${i}]`, a)),
    requireText(command.notes, 'notes', 'caf.notes-required'),
    command.nextReviewOn === undefined
      ? undefined
      : requireDate(command.nextReviewOn, 'nextReviewOn', 'caf.next-review-on'),
  );
  if (refused) return refused;
  if (state.meetingIds.includes(command.meetingId))
    return new DomainError('caf.meeting-exists', `Meeting ${command.meetingId} is already recorded`);
  return [
    {
      type: 'TeamAroundTheChildMeetingHeld',
      data: {
        ...base,
        meetingId: command.meetingId,
        heldOn: command.heldOn,
        attendees: command.attendees.map(named),
        familyPresent: command.familyPresent === true,
        notes: command.notes,
        ...(command.nextReviewOn ? { nextReviewOn: command.nextReviewOn } : {}),
      },
    },
  ];
}

function appointLeadProfessional(
  command: Extract<CafCommand, { type: 'AppointLeadProfessional' }>,
  state: StartedCaf,
): CafEvent[] | DomainError {
  const base = ofCaf(state);
  const refused = firstError(
    practitionersOnly(command.by, 'appoint a lead professional'),
    invalidPractitioner('leadProfessional', command.leadProfessional),
    requireDate(command.appointedOn, 'appointedOn', 'caf.appointed-on'),
  );
  if (refused) return refused;
  if (state.leadProfessional) {
    return new DomainError(
      'caf.one-lead-professional',
      `${state.leadProfessional.userId} is the lead professional; one at a time: hand over instead`,
    );
  }
  return [
    {
      type: 'LeadProfessionalAppointed',
      data: {
        ...base,
        leadProfessional: named(command.leadProfessional),
        appointedOn: command.appointedOn,
        appointedBy: practitionerOf(command.by),
        agreedWithFamily: command.agreedWithFamily === true,
      },
    },
  ];
}

function handOverLeadProfessional(
  command: Extract<CafCommand, { type: 'HandOverLeadProfessional' }>,
  state: StartedCaf,
): CafEvent[] | DomainError {
  const base = ofCaf(state);
  const refused = firstError(
    invalidPractitioner('to', command.to),
    requireDate(command.handedOverOn, 'handedOverOn', 'caf.handed-over-on'),
    requireText(command.reason, 'reason', 'caf.hand-over-reason-required'),
  );
  if (refused) return refused;
  const from = state.leadProfessional;
  if (!from) return new DomainError('caf.no-lead-professional', 'There is no lead professional to hand over from');
  if (from.userId === command.to.userId)
    return new DomainError(
      'caf.hand-over-to-self',
      `${from.userId} is already the lead professional`,
      'invalid',
      'to.userId',
    );
  return [
    {
      type: 'LeadProfessionalHandedOver',
      data: { ...base, from, to: named(command.to), handedOverOn: command.handedOverOn, reason: command.reason },
    },
  ];
}

function agreePlanAction(
  command: Extract<CafCommand, { type: 'AgreePlanAction' }>,
  state: StartedCaf,
): CafEvent[] | DomainError {
  const base = ofCaf(state);
  const refused = firstError(
    practitionersOnly(command.by, 'agree a plan action'),
    completedOnly(state, 'the integrated action plan'),
    requireText(command.action, 'action', 'caf.action-required'),
    requireText(command.ownerAgencyId, 'ownerAgencyId', 'caf.action-owner-required') ??
      (isAgencyId(command.ownerAgencyId)
        ? undefined
        : new DomainError(
            'caf.action-owner-agency',
            'An action is owned by an agency (school-*, mast, social-care, health, education-welfare, police, youth-service)',
            'invalid',
            'ownerAgencyId',
          )),
    requireDate(command.dueBy, 'dueBy', 'caf.due-by'),
    requireDate(command.agreedOn, 'agreedOn', 'caf.agreed-on'),
  );
  if (refused) return refused;
  if (command.dueBy < command.agreedOn)
    return new DomainError(
      'caf.due-before-agreed',
      'An action falls due on or after the day it is agreed',
      'invalid',
      'dueBy',
    );
  if (state.actions[command.actionId])
    return new DomainError('caf.action-exists', `Action ${command.actionId} is already in the plan`);
  return [
    {
      type: 'IntegratedPlanActionAgreed',
      data: {
        ...base,
        actionId: command.actionId,
        action: command.action,
        ownerAgencyId: command.ownerAgencyId,
        ...(command.ownerUserId ? { ownerUserId: command.ownerUserId } : {}),
        dueBy: command.dueBy,
        agreedOn: command.agreedOn,
        agreedBy: practitionerOf(command.by),
      },
    },
  ];
}

function updatePlanAction(
  command: Extract<CafCommand, { type: 'UpdatePlanAction' }>,
  state: StartedCaf,
): CafEvent[] | DomainError {
  const base = ofCaf(state);
  const refused = firstError(
    practitionersOnly(command.by, 'update a plan action'),
    ACTION_STATUSES.includes(command.status) && command.status !== 'agreed'
      ? undefined
      : new DomainError(
          'caf.action-status',
          `The status is one of ${ACTION_STATUSES.filter((s) => s !== 'agreed').join(', ')}`,
          'invalid',
          'status',
        ),
    requireDate(command.updatedOn, 'updatedOn', 'caf.updated-on'),
  );
  if (refused) return refused;
  const current = state.actions[command.actionId];
  if (!current)
    return new DomainError(
      'caf.action-not-found',
      `Action ${command.actionId} is not in the plan`,
      'invalid',
      'actionId',
    );
  if (FINISHED_ACTION_STATUSES.includes(current))
    return new DomainError('caf.action-finished', `Action ${command.actionId} is already ${current}`);
  return [
    {
      type: 'IntegratedPlanActionUpdated',
      data: {
        ...base,
        actionId: command.actionId,
        status: command.status,
        ...(command.note ? { note: command.note } : {}),
        updatedOn: command.updatedOn,
        updatedBy: practitionerOf(command.by),
      },
    },
  ];
}

function reviewCaf(command: Extract<CafCommand, { type: 'ReviewCaf' }>, state: StartedCaf): CafEvent[] | DomainError {
  const base = ofCaf(state);
  const refused = firstError(
    practitionersOnly(command.by, 'review the plan'),
    completedOnly(state, 'a review'),
    requireDate(command.reviewedOn, 'reviewedOn', 'caf.reviewed-on'),
    requireText(command.summary, 'summary', 'caf.summary-required'),
    command.nextReviewOn === undefined
      ? undefined
      : requireDate(command.nextReviewOn, 'nextReviewOn', 'caf.next-review-on'),
  );
  if (refused) return refused;
  if (command.nextReviewOn !== undefined && command.nextReviewOn <= command.reviewedOn) {
    return new DomainError(
      'caf.next-review-after-review',
      'The next review comes after this one',
      'invalid',
      'nextReviewOn',
    );
  }
  if (state.reviewIds.includes(command.reviewId))
    return new DomainError('caf.review-exists', `Review ${command.reviewId} is already recorded`);
  return [
    {
      type: 'CafReviewed',
      data: {
        ...base,
        reviewId: command.reviewId,
        reviewedOn: command.reviewedOn,
        summary: command.summary,
        ...(command.nextReviewOn ? { nextReviewOn: command.nextReviewOn } : {}),
        reviewedBy: practitionerOf(command.by),
      },
    },
  ];
}

function closeCaf(command: Extract<CafCommand, { type: 'CloseCaf' }>, state: StartedCaf): CafEvent[] | DomainError {
  const base = ofCaf(state);
  const refused = firstError(
    practitionersOnly(command.by, 'close the CAF'),
    requireDate(command.closedOn, 'closedOn', 'caf.closed-on'),
    CAF_OUTCOMES.includes(command.outcome)
      ? undefined
      : new DomainError('caf.outcome', `The outcome is one of ${CAF_OUTCOMES.join(', ')}`, 'invalid', 'outcome'),
    requireText(command.summary, 'summary', 'caf.summary-required'),
  );
  if (refused) return refused;
  const openActions = Object.entries(state.actions)
    .filter(([, status]) => !FINISHED_ACTION_STATUSES.includes(status))
    .map(([id]) => id);
  return [
    {
      type: 'CafClosed',
      data: {
        ...base,
        closedOn: command.closedOn,
        outcome: command.outcome,
        summary: command.summary,
        openActions,
        closedBy: practitionerOf(command.by),
      },
    },
  ];
}

/**
 * A Common Assessment (003 §1a; §3b): started under consent for common-assessment,
 * contributions by practitioners of any agency per domain and element, each within what
 * that consent covers for the element's category, attributed and never edited, the child's and family's views, completion, team-around-the-child
 * meetings, one lead professional at a time, an integrated action plan whose actions
 * agencies own, reviews, and closure with its outcome.
 */
export const cafDecider: Decider<CafCommand, CafEvent, CafState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (command.type === 'StartCaf') return startCaf(command, state);

    if (state.status === 'none')
      return new DomainError('caf.not-started', 'The common assessment has not been started');
    const closed = notClosed(state);
    if (closed) return closed;
    const dayField = CAF_ACT_DAYS[command.type];
    const early = notBefore(dayField, (command as unknown as Record<string, unknown>)[dayField], {
      what: 'the CAF was started',
      on: state.startedOn,
    });
    if (early) return early;

    switch (command.type) {
      case 'ContributeToCaf':
        return contributeToCaf(command, state);
      case 'CorrectCafContribution':
        return correctCafContribution(command, state);
      case 'RecordCafViews':
        return recordCafViews(command, state);
      case 'CompleteCaf':
        return completeCaf(command, state);
      case 'HoldTeamAroundTheChildMeeting':
        return holdTeamAroundTheChildMeeting(command, state);
      case 'AppointLeadProfessional':
        return appointLeadProfessional(command, state);
      case 'HandOverLeadProfessional':
        return handOverLeadProfessional(command, state);
      case 'AgreePlanAction':
        return agreePlanAction(command, state);
      case 'UpdatePlanAction':
        return updatePlanAction(command, state);
      case 'ReviewCaf':
        return reviewCaf(command, state);
      case 'CloseCaf':
        return closeCaf(command, state);
    }
  },

  evolve(state, event) {
    if (event.type === 'CafStarted') {
      const d = event.data;
      return {
        status: 'assessing',
        cafId: d.cafId,
        childId: d.childId,
        startedOn: d.startedOn,
        contributions: {},
        viewsIds: [],
        meetingIds: [],
        actions: {},
        reviewIds: [],
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'CafContributionRecorded': {
        const d = event.data;
        const contributions = {
          ...state.contributions,
          [d.contributionId]: { domain: d.domain, element: d.element, contributor: d.contributor },
        };
        if (d.supersedes && contributions[d.supersedes])
          contributions[d.supersedes] = { ...contributions[d.supersedes], supersededBy: d.contributionId };
        return { ...state, contributions };
      }
      case 'CafViewsRecorded':
        return { ...state, viewsIds: [...state.viewsIds, event.data.viewsId] };
      case 'CafCompleted':
        return { ...state, status: 'completed' };
      case 'TeamAroundTheChildMeetingHeld':
        return { ...state, meetingIds: [...state.meetingIds, event.data.meetingId] };
      case 'LeadProfessionalAppointed':
        return { ...state, leadProfessional: event.data.leadProfessional };
      case 'LeadProfessionalHandedOver':
        return { ...state, leadProfessional: event.data.to };
      case 'IntegratedPlanActionAgreed':
        return { ...state, actions: { ...state.actions, [event.data.actionId]: 'agreed' } };
      case 'IntegratedPlanActionUpdated':
        return { ...state, actions: { ...state.actions, [event.data.actionId]: event.data.status } };
      case 'CafReviewed':
        return { ...state, reviewIds: [...state.reviewIds, event.data.reviewId] };
      case 'CafClosed':
        return { ...state, status: 'closed' };
    }
  },
};
