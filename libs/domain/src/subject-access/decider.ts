import { practitionerOf, type WorkingDayCalendar } from '../multi-agency';
import {
  type Decider,
  DomainError,
  firstError,
  notBefore,
  dayOf,
  type IsoDate,
  requireDate,
  requireText,
  invalid,
} from '../shared';
import { DISCLOSURE_CHANNELS } from '../sharing/vocabulary';
import { calendarMonthsDue, schoolDaysDue } from './clocks';
import type { SubjectAccessCommand } from './commands';
import type { SubjectAccessEvent } from './events';
import type { SubjectAccessState } from './state';
import {
  IDENTITY_CHECKS,
  MAX_EXTENSION_MONTHS,
  PARENTS,
  REQUEST_KINDS,
  REQUESTER_RELATIONSHIPS,
  RESPONSE_BASES,
} from './vocabulary';

const oneOf = (rule: string, field: string, value: unknown, allowed: readonly string[]) =>
  allowed.includes(value as string) ? undefined : invalid(rule, field, `${field} is one of ${allowed.join(', ')}`);

export interface SubjectAccessCalendars {
  /** Weekdays less bank holidays: a calendar month that ends on a day off runs to the next working day. */
  readonly workingDays: WorkingDayCalendar;
  /** A school's days (its terms, less its closures): the educational record's 15 school days, on the child's school's calendar. */
  readonly schoolDays: (schoolId: string) => WorkingDayCalendar;
}

type OpenRequest = Exclude<SubjectAccessState, { status: 'none' | 'answered' }>;

const idsOf = (state: OpenRequest) => ({ requestId: state.requestId, childId: state.childId });

function recordSubjectAccessRequest(
  command: Extract<SubjectAccessCommand, { type: 'RecordSubjectAccessRequest' }>,
  state: SubjectAccessState,
  calendars: SubjectAccessCalendars,
): SubjectAccessEvent[] | DomainError {
  const by = practitionerOf(command.by);
  if (state.status !== 'none')
    return new DomainError('subject-access.already-recorded', 'This request is already recorded');
  const c = command;
  const bad = firstError(
    oneOf('subject-access.kind', 'kind', c.kind, REQUEST_KINDS),
    requireText(c.requester?.name, 'requester.name', 'subject-access.requester-name-required'),
    oneOf('subject-access.relationship', 'requester.relationship', c.requester?.relationship, REQUESTER_RELATIONSHIPS),
    oneOf('subject-access.identity-check', 'identityCheck.method', c.identityCheck?.method, IDENTITY_CHECKS),
    requireText(c.identityCheck?.details, 'identityCheck.details', 'subject-access.identity-details-required'),
    requireDate(c.receivedOn, 'receivedOn', 'subject-access.received-on'),
    c.kind === 'educational-record' && !PARENTS.includes(c.requester.relationship)
      ? invalid(
          'subject-access.educational-record-for-parents',
          'requester.relationship',
          `The educational record is a parent's right (reg. 5): requester.relationship is ${PARENTS.join(' or ')}; anyone else makes a personal-data request`,
        )
      : undefined,
  );
  if (bad) return bad;
  const school = c.kind === 'educational-record';
  const dueBy = school
    ? schoolDaysDue(c.receivedOn, calendars.schoolDays(c.schoolId))
    : calendarMonthsDue(c.receivedOn, 1, calendars.workingDays);
  return [
    {
      type: 'SubjectAccessRequestReceived',
      data: {
        requestId: c.requestId,
        childId: c.childId,
        kind: c.kind,
        requester: { name: c.requester.name, relationship: c.requester.relationship },
        identityCheck: { method: c.identityCheck.method, details: c.identityCheck.details },
        receivedOn: c.receivedOn,
        clock: school ? 'fifteen-school-days' : 'one-calendar-month',
        ...(school ? { schoolId: c.schoolId } : {}),
        dueBy,
        recordedBy: by,
        recordedAt: c.at,
      },
    },
  ];
}

function extendSubjectAccessRequest(
  command: Extract<SubjectAccessCommand, { type: 'ExtendSubjectAccessRequest' }>,
  state: OpenRequest,
  calendars: SubjectAccessCalendars,
): SubjectAccessEvent[] | DomainError {
  const ids = idsOf(state);
  const by = practitionerOf(command.by);
  const c = command;
  const bad = firstError(
    Number.isInteger(c.months) && c.months >= 1 && c.months <= MAX_EXTENSION_MONTHS
      ? undefined
      : invalid(
          'subject-access.extension-months',
          'months',
          `months is a whole number from 1 to ${MAX_EXTENSION_MONTHS}: a complex request may be extended by up to two further months (Art. 12(3))`,
        ),
    requireText(c.reason, 'reason', 'subject-access.extension-reason-required'),
    requireDate(c.requesterToldOn, 'requesterToldOn', 'subject-access.told-on'),
    () => notBefore('requesterToldOn', c.requesterToldOn, { what: 'the request was received', on: state.receivedOn }),
  );
  if (bad) return bad;
  if (state.kind === 'educational-record') {
    return new DomainError(
      'subject-access.educational-record-not-extendable',
      'The 15 school days for an educational record (reg. 5) cannot be extended',
    );
  }
  if (state.extended)
    return new DomainError(
      'subject-access.extended-once',
      'The request has been extended already: Art. 12(3) allows one extension of up to two months',
    );
  if (c.requesterToldOn > state.firstDueBy) {
    return new DomainError(
      'subject-access.extension-within-first-month',
      `The requester is told of an extension within the first month (by ${state.firstDueBy}); they were told on ${c.requesterToldOn}`,
    );
  }
  const dueBy = calendarMonthsDue(state.receivedOn, 1 + c.months, calendars.workingDays);
  return [
    {
      type: 'SubjectAccessRequestExtended',
      data: {
        ...ids,
        months: c.months,
        reason: c.reason,
        requesterToldOn: c.requesterToldOn,
        firstDueBy: state.firstDueBy,
        dueBy,
        extendedBy: by,
        extendedAt: c.at,
      },
    },
  ];
}

function releaseSubjectAccessResponse(
  command: Extract<SubjectAccessCommand, { type: 'ReleaseSubjectAccessResponse' }>,
  state: OpenRequest,
): SubjectAccessEvent[] | DomainError {
  const ids = idsOf(state);
  const by = practitionerOf(command.by);
  const c = command;
  const bad = oneOf('subject-access.channel', 'channel', c.channel, DISCLOSURE_CHANNELS);
  if (bad) return bad;
  const answeredOn: IsoDate = dayOf(c.at);
  const late = answeredOn > state.dueBy;
  if (late && (typeof c.lateReason !== 'string' || c.lateReason.trim() === '')) {
    return invalid(
      'subject-access.late-reason-required',
      'lateReason',
      `Due by ${state.dueBy}; an answer on ${answeredOn} records why it was late`,
    );
  }
  return [
    {
      type: 'SubjectAccessResponseReleased',
      data: {
        ...ids,
        disclosureId: c.disclosureId,
        recipient: state.requester,
        basis: { ...RESPONSE_BASES[state.kind] },
        channel: c.channel,
        pack: { ...c.pack.report },
        sent: { digest: c.pack.sent.digest, items: c.pack.sent.items.map((i) => ({ ...i })) },
        exemptionsApplied: c.pack.exemptionsApplied.map((e) => ({ ...e })),
        releasedBy: by,
        releasedAt: c.at,
      },
    },
    {
      type: 'SubjectAccessRequestClosed',
      data: {
        ...ids,
        answeredOn,
        dueBy: state.dueBy,
        onTime: !late,
        ...(late ? { breach: { dueBy: state.dueBy, reason: c.lateReason! } } : {}),
        disclosureId: c.disclosureId,
        sentDigest: c.pack.sent.digest,
        itemsSent: c.pack.sent.items.length,
        closedBy: by,
        closedAt: c.at,
      },
    },
  ];
}

/**
 * A subject-access request as work with a clock (DESIGN §3, §7). The dpo records it, may
 * extend it once for a complex request, and answers it by releasing the response pack: the
 * family's copy of the subject-access report, its exemptions applied, disclosed to the
 * requester and closed with the digest of what was sent. A late answer records why.
 */
export function subjectAccessDecider(
  calendars: SubjectAccessCalendars,
): Decider<SubjectAccessCommand, SubjectAccessEvent, SubjectAccessState> {
  return {
    initialState: { status: 'none' },

    decide(command, state) {
      if (command.by.role !== 'dpo')
        return new DomainError(
          'subject-access.dpo-only',
          'Subject-access requests are handled by the data protection officer',
          'forbidden',
        );

      if (command.type === 'RecordSubjectAccessRequest') return recordSubjectAccessRequest(command, state, calendars);

      if (state.status === 'none')
        return new DomainError('subject-access.not-recorded', 'No such subject-access request');
      if (state.status === 'answered')
        return new DomainError('subject-access.already-answered', 'The request is answered and closed');

      switch (command.type) {
        case 'ExtendSubjectAccessRequest':
          return extendSubjectAccessRequest(command, state, calendars);
        case 'ReleaseSubjectAccessResponse':
          return releaseSubjectAccessResponse(command, state);
      }
      return new DomainError('subject-access.unknown-command', 'Unknown command', 'invalid', 'type');
    },

    evolve(state, event) {
      switch (event.type) {
        case 'SubjectAccessRequestReceived': {
          const d = event.data;
          return {
            status: 'open',
            requestId: d.requestId,
            childId: d.childId,
            kind: d.kind,
            requester: d.requester,
            receivedOn: d.receivedOn,
            firstDueBy: d.dueBy,
            dueBy: d.dueBy,
            extended: false,
          };
        }
        case 'SubjectAccessRequestExtended':
          return state.status === 'none' ? state : { ...state, dueBy: event.data.dueBy, extended: true };
        case 'SubjectAccessRequestClosed':
          return state.status === 'none' ? state : { ...state, status: 'answered' };
        default:
          return state;
      }
    },
  };
}
