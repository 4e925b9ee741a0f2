import {
  type Actor,
  type Decider,
  DomainError,
  isDomainError,
  notBefore,
  dayOf,
  firstError,
  isIsoDate,
  type IsoDate,
  requireDate,
  requireText,
} from '../shared';
import {
  consentCovering,
  type Practitioner,
  practitionerOf,
  type WorkingDayCalendar,
  workingDayNumber,
} from '../multi-agency';
import type { MastRequestCommand } from './commands';
import {
  FIRST_CONTACT_WORKING_DAYS,
  type MastDeadline,
  type MastDecision,
  MAST_OUTCOMES,
  type MastRequestEvent,
  RESPONSE_WORKING_DAYS,
} from './events';
import type { DeadlineClock, MadeRequest, MastRequestState } from './state';

const notMade = (requestId: string) =>
  new DomainError('mast-request.not-made', `MAST request ${requestId} has not been made`);
const mastOnly = (actor: Actor, act: string) =>
  actor.agencyId === 'mast'
    ? undefined
    : new DomainError('mast-request.mast-only', `Only MAST may ${act}`, 'forbidden');

/** Names the first missing or wrong part of a panel decision; the panel stream checks the same. */
export function invalidDecision(decision: MastDecision | undefined): DomainError | undefined {
  if (!decision || !MAST_OUTCOMES.includes(decision.outcome)) {
    return new DomainError(
      'mast-request.decision-outcome',
      `The decision must be one of ${MAST_OUTCOMES.join(', ')}`,
      'invalid',
      'decision.outcome',
    );
  }
  switch (decision.outcome) {
    case 'accept-allocate':
      if (
        !decision.allocation ||
        typeof decision.allocation.workerId !== 'string' ||
        decision.allocation.workerId.trim() === ''
      ) {
        return new DomainError(
          'mast-request.allocation-required',
          'Accepting with an allocation names the key worker or family learning mentor',
          'invalid',
          'decision.allocation.workerId',
        );
      }
      if (!['key-worker', 'family-learning-mentor'].includes(decision.allocation.kind)) {
        return new DomainError(
          'mast-request.allocation-kind',
          'The allocation is a key-worker or a family-learning-mentor',
          'invalid',
          'decision.allocation.kind',
        );
      }
      return undefined;
    case 'accept-for-service':
      return requireText(decision.service, 'decision.service', 'mast-request.service-required');
    case 'signpost':
      return requireText(decision.signpostTo, 'decision.signpostTo', 'mast-request.signpost-required');
    case 'defer':
      return requireText(
        decision.informationNeeded,
        'decision.informationNeeded',
        'mast-request.information-needed-required',
      );
    case 'decline':
      return undefined;
  }
}

/** A late act needs a reason unless the breach is already on record. */
function lateness(
  clock: DeadlineClock,
  deadline: MastDeadline,
  on: IsoDate,
  breachReason: string | undefined,
  state: MadeRequest,
): MastRequestEvent[] | DomainError {
  if (on <= clock.dueBy || clock.breachRecorded) return [];
  const missing = requireText(breachReason, 'breachReason', 'mast-request.breach-reason-required');
  if (missing) {
    return new DomainError(
      'mast-request.breach-reason-required',
      `The ${deadline} was due by ${clock.dueBy}; a late one records the breach's reason`,
      'invalid',
      'breachReason',
    );
  }
  return [
    {
      type: 'MastDeadlineBreached',
      data: {
        requestId: state.requestId,
        childId: state.childId,
        deadline,
        dueBy: clock.dueBy,
        owner: clock.owner,
        reason: breachReason!,
        recordedOn: on,
      },
    },
  ];
}

function makeMastRequest(
  command: Extract<MastRequestCommand, { type: 'MakeMastRequest' }>,
  state: MastRequestState,
): MastRequestEvent[] | DomainError {
  if (state.status !== 'none')
    return new DomainError('mast-request.already-made', `MAST request ${command.requestId} has already been made`);
  const { by } = command;
  if (by.role !== 'senco' || !by.agencyId.startsWith('school-')) {
    return new DomainError(
      'mast-request.senco-only',
      'A request for MAST involvement is made by the school SENCo (001)',
      'forbidden',
    );
  }
  const invalid = firstError(
    requireText(command.childId, 'childId', 'mast-request.child-required'),
    !Array.isArray(command.parentsInvolved) ||
      command.parentsInvolved.length === 0 ||
      command.parentsInvolved.some((p) => !p || typeof p.name !== 'string' || p.name.trim() === '')
      ? new DomainError(
          'mast-request.parents-required',
          'The SENCo makes the request with the parents or carers (001): name them',
          'invalid',
          'parentsInvolved',
        )
      : undefined,
    requireText(command.needs, 'needs', 'mast-request.needs-required'),
    requireText(command.alreadyTried, 'alreadyTried', 'mast-request.already-tried-required'),
    [1, 2, 3, 4].includes(command.levelOfNeed)
      ? undefined
      : new DomainError(
          'mast-request.level-of-need',
          'The level of need is 1, 2, 3 or 4 on the threshold continuum',
          'invalid',
          'levelOfNeed',
        ),
  );
  if (invalid) return invalid;
  const consent = consentCovering(
    'mast-request.consent-required',
    'A MAST request',
    'mast-involvement',
    command.consent,
  );
  if (isDomainError(consent)) return consent;
  return [
    {
      type: 'MastRequestMade',
      data: {
        requestId: command.requestId,
        childId: command.childId,
        schoolId: by.agencyId,
        requestedBy: practitionerOf(by),
        parentsInvolved: command.parentsInvolved.map((p) => ({ name: p.name, relationship: p.relationship })),
        needs: command.needs,
        alreadyTried: command.alreadyTried,
        levelOfNeed: command.levelOfNeed,
        consentId: consent.consentId,
        receivedAt: command.receivedAt,
      },
    },
  ];
}

function listMastRequest(
  command: Extract<MastRequestCommand, { type: 'ListMastRequest' }>,
  state: MadeRequest,
): MastRequestEvent[] | DomainError {
  const refused = firstError(
    mastOnly(command.by, 'list a request for its panel'),
    requireDate(command.panelDate, 'panelDate', 'mast-request.panel-date'),
  );
  if (refused) return refused;
  if (!['received', 'deferred', 'listed'].includes(state.status)) {
    return new DomainError('mast-request.not-awaiting-panel', `The request is ${state.status}, not awaiting a panel`);
  }
  if (command.panelDate < state.receivedOn) {
    return new DomainError(
      'mast-request.panel-before-request',
      'A request is listed for a panel on or after the day it was received',
      'invalid',
      'panelDate',
    );
  }
  if (state.status === 'listed' && state.listedFor !== undefined && command.panelDate <= state.listedFor) {
    return new DomainError(
      'mast-request.already-listed',
      `The request is already listed for the panel of ${state.listedFor}; it can only move to a later one`,
    );
  }
  if (state.status === 'deferred' && state.decidedAt !== undefined && command.panelDate <= state.decidedAt) {
    return new DomainError(
      'mast-request.deferred-to-later-panel',
      `A deferred request returns to a panel after ${state.decidedAt}`,
      'invalid',
      'panelDate',
    );
  }
  return [
    {
      type: 'MastRequestListed',
      data: {
        requestId: state.requestId,
        childId: state.childId,
        panelDate: command.panelDate,
        listedBy: practitionerOf(command.by),
      },
    },
  ];
}

function decideMastRequest(
  command: Extract<MastRequestCommand, { type: 'DecideMastRequest' }>,
  state: MadeRequest,
  calendar: WorkingDayCalendar,
): MastRequestEvent[] | DomainError {
  if (state.status !== 'listed' || state.listedFor !== command.panelDate) {
    return new DomainError(
      'mast-request.not-listed-for-panel',
      `The request is not on the agenda of the panel of ${command.panelDate}`,
    );
  }
  const invalid = firstError(
    invalidDecision(command.decision),
    requireText(command.reason, 'reason', 'mast-request.reason-required'),
  );
  if (invalid) return invalid;
  if (state.response && state.response.metOn === undefined) {
    return new DomainError(
      'mast-request.response-outstanding',
      `The school has not yet had the response to the panel of ${state.decidedAt}`,
    );
  }
  const decision = command.decision;
  const allocated = decision.outcome === 'accept-allocate';
  return [
    {
      type: 'MastRequestDecided',
      data: {
        requestId: state.requestId,
        childId: state.childId,
        panelDate: command.panelDate,
        decision,
        reason: command.reason,
        responseDueBy: calendar.addWorkingDays(command.panelDate, RESPONSE_WORKING_DAYS),
        responseOwner: state.listedBy!,
        ...(allocated
          ? { firstContactDueBy: calendar.addWorkingDays(command.panelDate, FIRST_CONTACT_WORKING_DAYS) }
          : {}),
      },
    },
  ];
}

function sendResponseToSchool(
  command: Extract<MastRequestCommand, { type: 'SendResponseToSchool' }>,
  state: MadeRequest,
  calendar: WorkingDayCalendar,
): MastRequestEvent[] | DomainError {
  const refused = firstError(
    mastOnly(command.by, 'send the panel response'),
    requireDate(command.sentOn, 'sentOn', 'mast-request.sent-on'),
  );
  if (refused) return refused;
  if (!state.response || state.response.metOn !== undefined) {
    return new DomainError('mast-request.no-response-due', 'No panel response is owed to the school');
  }
  if (command.sentOn < state.decidedAt!) {
    return new DomainError(
      'mast-request.response-before-panel',
      'The response cannot be sent before the panel',
      'invalid',
      'sentOn',
    );
  }
  const breach = lateness(state.response, 'response', command.sentOn, command.breachReason, state);
  if (breach instanceof DomainError) return breach;
  return [
    ...breach,
    {
      type: 'ResponseSentToSchool',
      data: {
        requestId: state.requestId,
        childId: state.childId,
        panelDate: state.decidedAt!,
        sentOn: command.sentOn,
        sentBy: practitionerOf(command.by),
        workingDay: workingDayNumber(calendar, state.decidedAt!, command.sentOn),
      },
    },
  ];
}

function makeFirstContact(
  command: Extract<MastRequestCommand, { type: 'MakeFirstContact' }>,
  state: MadeRequest,
  calendar: WorkingDayCalendar,
): MastRequestEvent[] | DomainError {
  const invalid = requireDate(command.contactOn, 'contactOn', 'mast-request.contact-on');
  if (invalid) return invalid;
  const clock = state.firstContact;
  if (state.status !== 'allocated' || !clock)
    return new DomainError('mast-request.not-allocated', 'First contact follows an allocation');
  if (clock.metOn !== undefined)
    return new DomainError('mast-request.first-contact-already-made', `First contact was made on ${clock.metOn}`);
  if (command.by.userId !== clock.workerId) {
    return new DomainError(
      'mast-request.allocated-worker-only',
      'First contact is recorded by the allocated worker',
      'forbidden',
    );
  }
  if (command.contactOn < state.decidedAt!) {
    return new DomainError(
      'mast-request.contact-before-decision',
      'First contact cannot precede the decision',
      'invalid',
      'contactOn',
    );
  }
  const breach = lateness(clock, 'first-contact', command.contactOn, command.breachReason, state);
  if (breach instanceof DomainError) return breach;
  return [
    ...breach,
    {
      type: 'FirstContactMade',
      data: {
        requestId: state.requestId,
        childId: state.childId,
        workerId: clock.workerId,
        contactOn: command.contactOn,
        workingDay: workingDayNumber(calendar, state.decidedAt!, command.contactOn),
      },
    },
  ];
}

function recordDeadlineBreach(
  command: Extract<MastRequestCommand, { type: 'RecordDeadlineBreach' }>,
  state: MadeRequest,
): MastRequestEvent[] | DomainError {
  const invalid = firstError(
    requireDate(command.today, 'today', 'mast-request.today'),
    requireText(command.reason, 'reason', 'mast-request.breach-reason-required'),
    command.deadline === 'response' || command.deadline === 'first-contact'
      ? undefined
      : new DomainError('mast-request.deadline', 'The deadline is response or first-contact', 'invalid', 'deadline'),
  );
  if (invalid) return invalid;
  const clock: DeadlineClock | undefined = command.deadline === 'response' ? state.response : state.firstContact;
  if (!clock || clock.metOn !== undefined)
    return new DomainError('mast-request.no-open-deadline', `No ${command.deadline} is outstanding`);
  if (clock.breachRecorded)
    return new DomainError(
      'mast-request.breach-already-recorded',
      `The ${command.deadline} breach is already recorded`,
    );
  if (command.today <= clock.dueBy) {
    return new DomainError(
      'mast-request.not-yet-breached',
      `The ${command.deadline} is due by ${clock.dueBy}; it has not been breached`,
    );
  }
  return [
    {
      type: 'MastDeadlineBreached',
      data: {
        requestId: state.requestId,
        childId: state.childId,
        deadline: command.deadline,
        dueBy: clock.dueBy,
        owner: clock.owner,
        reason: command.reason,
        recordedOn: command.today,
      },
    },
  ];
}

function endMastInvolvement(
  command: Extract<MastRequestCommand, { type: 'EndMastInvolvement' }>,
  state: MadeRequest,
): MastRequestEvent[] | DomainError {
  const invalid = firstError(
    requireDate(command.endedOn, 'endedOn', 'mast-request.ended-on'),
    requireText(command.reason, 'reason', 'mast-request.end-reason-required'),
  );
  if (invalid) return invalid;
  if (state.status !== 'allocated')
    return new DomainError('mast-request.no-involvement', 'Only an allocated MAST involvement can end');
  const early = notBefore('endedOn', command.endedOn, {
    what: 'the panel allocated the involvement',
    on: state.decidedAt,
  });
  if (early) return early;
  return [
    {
      type: 'MastInvolvementEnded',
      data: { requestId: state.requestId, childId: state.childId, endedOn: command.endedOn, reason: command.reason },
    },
  ];
}

/**
 * A request for MAST involvement (001): made by the school SENCo with the parents under
 * consent covering mast-involvement, listed for a weekly panel, decided there, answered
 * to the school within 5 working days of the panel, and, when a worker is allocated,
 * first contact within 10 working days of the decision. The calendar of working days
 * (weekends, England & Wales bank holidays) is configuration the caller passes in.
 */
export function mastRequestDecider(
  calendar: WorkingDayCalendar,
): Decider<MastRequestCommand, MastRequestEvent, MastRequestState> {
  return {
    initialState: { status: 'none' },

    decide(command, state) {
      if (command.type === 'MakeMastRequest') return makeMastRequest(command, state);

      if (state.status === 'none') return notMade(command.requestId);

      switch (command.type) {
        case 'ListMastRequest':
          return listMastRequest(command, state);
        case 'DecideMastRequest':
          return decideMastRequest(command, state, calendar);
        case 'SendResponseToSchool':
          return sendResponseToSchool(command, state, calendar);
        case 'MakeFirstContact':
          return makeFirstContact(command, state, calendar);
        case 'RecordDeadlineBreach':
          return recordDeadlineBreach(command, state);
        case 'EndMastInvolvement':
          return endMastInvolvement(command, state);
      }
    },

    evolve(state, event) {
      if (event.type === 'MastRequestMade') {
        const d = event.data;
        return {
          status: 'received',
          requestId: d.requestId,
          childId: d.childId,
          schoolId: d.schoolId,
          receivedOn: isIsoDate(d.receivedAt) ? d.receivedAt : dayOf(d.receivedAt),
        };
      }
      if (state.status === 'none') return state;
      switch (event.type) {
        case 'MastRequestListed':
          return { ...state, status: 'listed', listedFor: event.data.panelDate, listedBy: event.data.listedBy };
        case 'MastRequestDecided': {
          const d = event.data;
          const status =
            d.decision.outcome === 'defer'
              ? 'deferred'
              : d.decision.outcome === 'accept-allocate'
                ? 'allocated'
                : 'decided';
          const owner: Practitioner | undefined =
            d.decision.outcome === 'accept-allocate'
              ? {
                  userId: d.decision.allocation.workerId,
                  role: d.decision.allocation.kind === 'key-worker' ? 'key-worker' : 'learning-mentor',
                  agencyId: 'mast',
                }
              : undefined;
          return {
            ...state,
            status,
            decision: d.decision,
            decidedAt: d.panelDate,
            response: { dueBy: d.responseDueBy, owner: d.responseOwner, breachRecorded: false },
            ...(owner && d.firstContactDueBy
              ? { firstContact: { dueBy: d.firstContactDueBy, owner, workerId: owner.userId, breachRecorded: false } }
              : {}),
          };
        }
        case 'ResponseSentToSchool':
          return state.response ? { ...state, response: { ...state.response, metOn: event.data.sentOn } } : state;
        case 'FirstContactMade':
          return state.firstContact
            ? { ...state, firstContact: { ...state.firstContact, metOn: event.data.contactOn } }
            : state;
        case 'MastDeadlineBreached':
          if (event.data.deadline === 'response' && state.response)
            return { ...state, response: { ...state.response, breachRecorded: true } };
          if (event.data.deadline === 'first-contact' && state.firstContact)
            return { ...state, firstContact: { ...state.firstContact, breachRecorded: true } };
          return state;
        case 'MastInvolvementEnded':
          return { ...state, status: 'ended' };
      }
    },
  };
}
