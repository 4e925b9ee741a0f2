import { practitionerOf } from '../multi-agency';
import type { SchoolCalendars } from '../school-calendar';
import {
  type Actor,
  dayOf,
  type Decider,
  type DomainEvent,
  DomainError,
  firstError,
  isSchoolId,
  notBefore,
  requireDate,
  requireText,
  invalid,
} from '../shared';
import type { ChildEvent } from '../child/events';
import type { SchoolMoveCommand } from './commands';
import { CHILD_PROTECTION_FILE_BASIS, type SchoolMoveEvent, TRANSFER_SCHOOL_DAYS, type TransferBreach } from './events';
import type { Move, SchoolMoveState } from './state';

/** The leaving school's safeguarding lead sends the file; the new school's confirms it. */
const LEADS: readonly string[] = ['dsl', 'head-teacher'];
/** Who records that a child is leaving: those who may correct the pupil record. */
const RECORDERS: readonly string[] = ['senco', 'dsl', 'head-teacher'];

const forbidden = (rule: string, message: string) => new DomainError(rule, message, 'forbidden');
const later = (a: string, b: string) => (a > b ? a : b);

/** An act after its due day must say why; the breach then goes on record with it. */
function lateness(
  dueBy: string,
  on: string,
  lateReason: string | undefined,
  what: string,
): { breach?: TransferBreach } | DomainError {
  if (on <= dueBy) return {};
  if (typeof lateReason !== 'string' || lateReason.trim() === '') {
    return invalid(
      'school-move.late-reason-required',
      'lateReason',
      `The ${what} was due by ${dueBy}; a late ${what} records why it was late`,
    );
  }
  return { breach: { dueBy, reason: lateReason } };
}

const inRole = (actor: Actor, roles: readonly string[], schoolId: string, act: string) =>
  roles.includes(actor.role) && actor.agencyId === schoolId
    ? undefined
    : forbidden('school-move.role', `Only a ${roles.join(' or ')} of ${schoolId} may ${act}`);

/**
 * A school move on the child's own stream (`child-{id}`): the leaving school records it and
 * the pupil record moves; the child-protection file then goes to the new school's DSL on its
 * own, within 5 school days of the child starting there on the new school's calendar (KCSIE),
 * and the new school's DSL confirms receipt.
 */
export function schoolMoveDecider(
  calendars: SchoolCalendars,
): Decider<SchoolMoveCommand, SchoolMoveEvent, SchoolMoveState> {
  return {
    initialState: { status: 'unregistered' },

    decide(command, state) {
      if (state.status !== 'registered') return new DomainError('child.not-registered', 'No such child');
      const by = practitionerOf(command.by);
      if (command.type === 'RecordSchoolMove') {
        if (state.moves.some((m) => m.moveId === command.moveId))
          return new DomainError('school-move.already-recorded', 'This move is already recorded');
        const bad = firstError(
          inRole(command.by, RECORDERS, state.schoolId, 'record that a child leaves it'),
          isSchoolId(command.toSchoolId)
            ? undefined
            : invalid('school-move.to-school', 'toSchoolId', 'toSchoolId is a school (school-…)'),
          command.toSchoolId === state.schoolId
            ? invalid(
                'school-move.same-school',
                'toSchoolId',
                `The child is already at ${state.schoolId}: toSchoolId names the new school`,
              )
            : undefined,
          requireDate(command.startsOn, 'startsOn', 'school-move.starts-on'),
          requireText(command.reason, 'reason', 'school-move.reason-required'),
        );
        if (bad) return bad;
        const records = [...new Set(command.childProtectionRecords)];
        const file =
          records.length === 0
            ? {}
            : {
                childProtectionFile: {
                  records,
                  transferDueBy: calendars.of(command.toSchoolId).nthSchoolDay(command.startsOn, TRANSFER_SCHOOL_DAYS),
                },
              };
        return [
          {
            type: 'SchoolMoveRecorded',
            data: {
              childId: state.childId,
              moveId: command.moveId,
              fromSchoolId: state.schoolId,
              toSchoolId: command.toSchoolId,
              startsOn: command.startsOn,
              reason: command.reason,
              recordedBy: by,
              recordedAt: command.at,
              ...file,
            },
          },
        ];
      }

      const move = state.moves.find((m) => m.moveId === command.moveId);
      if (!move) return new DomainError('school-move.not-recorded', 'No such school move');
      const file = move.file;
      if (!file)
        return new DomainError(
          'school-move.no-child-protection-file',
          `${move.fromSchoolId} held no child-protection file for this child when it was recorded`,
        );
      const ids = { childId: state.childId, moveId: move.moveId };

      if (command.type === 'SendChildProtectionFile') {
        const bad = firstError(
          inRole(command.by, LEADS, move.fromSchoolId, 'send its child-protection file'),
          requireDate(command.sentOn, 'sentOn', 'school-move.sent-on'),
          notBefore('sentOn', command.sentOn, { what: 'the move was recorded', on: move.recordedOn }),
        );
        if (bad) return bad;
        if (file.sentOn !== undefined)
          return new DomainError(
            'school-move.file-already-sent',
            `The child-protection file was sent on ${file.sentOn}`,
          );
        const late = lateness(file.transferDueBy, command.sentOn, command.lateReason, 'transfer');
        if (late instanceof DomainError) return late;
        const calendar = calendars.of(move.toSchoolId);
        return [
          {
            type: 'ChildProtectionFileSent',
            data: {
              ...ids,
              toSchoolId: move.toSchoolId,
              records: [...file.records],
              basis: CHILD_PROTECTION_FILE_BASIS,
              sentBy: by,
              sentOn: command.sentOn,
              sentAt: command.at,
              schoolDay: calendar.schoolDayNumber(move.startsOn, command.sentOn),
              ...late,
              // The receiving DSL confirms within the transfer's own 5 days, and never on less than one school day's notice.
              receiptDueBy: later(file.transferDueBy, calendar.addWorkingDays(command.sentOn, 1)),
            },
          },
        ];
      }

      const bad = firstError(
        inRole(command.by, LEADS, move.toSchoolId, 'confirm receipt of a child-protection file'),
        requireDate(command.receivedOn, 'receivedOn', 'school-move.received-on'),
        notBefore('receivedOn', command.receivedOn, { what: 'the file was sent', on: file.sentOn }),
      );
      if (bad) return bad;
      if (file.sentOn === undefined || file.receiptDueBy === undefined)
        return new DomainError('school-move.file-not-sent', 'The child-protection file has not been sent yet');
      if (file.receivedOn !== undefined)
        return new DomainError('school-move.file-already-received', `Receipt was confirmed on ${file.receivedOn}`);
      const late = lateness(file.receiptDueBy, command.receivedOn, command.lateReason, 'receipt');
      if (late instanceof DomainError) return late;
      return [
        {
          type: 'ChildProtectionFileReceived',
          data: { ...ids, receivedBy: by, receivedOn: command.receivedOn, ...late },
        },
      ];
    },

    evolve: evolveMoves,
  };
}

const updated = (
  state: Extract<SchoolMoveState, { status: 'registered' }>,
  moveId: string,
  change: (file: NonNullable<Move['file']>) => Move['file'],
): SchoolMoveState => ({
  ...state,
  moves: state.moves.map((m) => (m.moveId === moveId && m.file ? { ...m, file: change(m.file) } : m)),
});

/** Folds the child stream: the registration, the moves and their files; other child events change nothing here. */
export function evolveMoves(state: SchoolMoveState, event: SchoolMoveEvent | DomainEvent): SchoolMoveState {
  const e = event as SchoolMoveEvent | ChildEvent;
  if (e.type === 'ChildRegistered')
    return { status: 'registered', childId: e.data.childId, schoolId: e.data.schoolId, moves: [] };
  if (state.status !== 'registered') return state;
  switch (e.type) {
    case 'SchoolMoveRecorded': {
      const { moveId, fromSchoolId, toSchoolId, startsOn, recordedAt, childProtectionFile } = e.data;
      const move: Move = {
        moveId,
        fromSchoolId,
        toSchoolId,
        startsOn,
        recordedOn: dayOf(recordedAt),
        ...(childProtectionFile ? { file: childProtectionFile } : {}),
      };
      return { ...state, schoolId: toSchoolId, moves: [...state.moves, move] };
    }
    case 'ChildProtectionFileSent':
      return updated(state, e.data.moveId, (file) => ({
        ...file,
        sentOn: e.data.sentOn,
        receiptDueBy: e.data.receiptDueBy,
      }));
    case 'ChildProtectionFileReceived':
      return updated(state, e.data.moveId, (file) => ({ ...file, receivedOn: e.data.receivedOn }));
    default:
      return state;
  }
}
