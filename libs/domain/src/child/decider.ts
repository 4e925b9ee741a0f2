import { ageOn, Decider, type DomainEvent, DomainError, type IsoDate } from '../shared';
import type { SchoolMoveRecorded } from '../school-move/events';
import type { ChildCommand } from './commands';
import type { ChildDetails, ChildEvent } from './events';

export type ChildState =
  { readonly status: 'unregistered' } | { readonly status: 'registered'; readonly details: ChildDetails };

const changedFields = (current: ChildDetails, changes: Partial<ChildDetails>): Partial<ChildDetails> =>
  Object.fromEntries(
    Object.entries(changes).filter(
      ([key, value]) =>
        value !== undefined && JSON.stringify(current[key as keyof ChildDetails]) !== JSON.stringify(value),
    ),
  );

/** The oldest a child or young person the platform serves can be: support for special educational needs runs to 25. */
export const OLDEST_AGE = 25;

/** A date of birth that would make the child older than any the platform serves is a typing mistake. */
const implausibleBirth = (dateOfBirth: IsoDate | undefined, today: IsoDate): DomainError | null => {
  if (dateOfBirth === undefined || ageOn(dateOfBirth, today) <= OLDEST_AGE) return null;
  return new DomainError(
    'child.date-of-birth-implausible',
    `dateOfBirth (${dateOfBirth}) would make the child ${ageOn(dateOfBirth, today)} today: the platform holds children and young people up to ${OLDEST_AGE}`,
    'invalid',
    'dateOfBirth',
  );
};

export const childDecider: Decider<ChildCommand, ChildEvent, ChildState> = {
  initialState: { status: 'unregistered' },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterChild':
        if (state.status === 'registered') {
          return new DomainError('child.already-registered', `Child ${command.childId} is already registered`);
        }
        return (
          implausibleBirth(command.details.dateOfBirth, command.today) ?? [
            { type: 'ChildRegistered', data: { childId: command.childId, ...command.details } },
          ]
        );
      case 'CorrectChildDetails': {
        if (state.status !== 'registered') {
          return new DomainError('child.not-registered', `Child ${command.childId} is not registered`);
        }
        const changes = changedFields(state.details, command.changes);
        if (changes.schoolId !== undefined) {
          // A move takes the child-protection file to the new school with a receipt (KCSIE); a correction would silently hand the record over.
          return new DomainError(
            'child.school-move-required',
            `A change of school is not a correction: a child changes school through a school move, which sends the child-protection file to the new school with a receipt. schoolId stays ${state.details.schoolId}`,
          );
        }
        const birth = implausibleBirth(changes.dateOfBirth, command.today);
        if (birth) return birth;
        if (Object.keys(changes).length === 0) {
          return new DomainError('child.correction-changes-nothing', 'The correction changes no detail', 'invalid');
        }
        return [
          { type: 'ChildDetailsCorrected', data: { childId: command.childId, ...changes, reason: command.reason } },
        ];
      }
    }
  },

  // The child's stream also holds its school moves (libs/domain/src/school-move): a move changes the school of record.
  evolve(state, recorded: ChildEvent | DomainEvent) {
    const event = recorded as ChildEvent | SchoolMoveRecorded;
    switch (event.type) {
      case 'ChildRegistered': {
        const { childId: _childId, ...details } = event.data;
        return { status: 'registered', details };
      }
      case 'ChildDetailsCorrected': {
        if (state.status !== 'registered') return state;
        const { childId: _childId, reason: _reason, ...changes } = event.data;
        const kept = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined && v !== null));
        return { status: 'registered', details: { ...state.details, ...kept } };
      }
      case 'SchoolMoveRecorded':
        return state.status === 'registered'
          ? { status: 'registered', details: { ...state.details, schoolId: event.data.toSchoolId } }
          : state;
      default:
        return state;
    }
  },
};
