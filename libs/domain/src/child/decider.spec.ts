import { DomainError } from '../shared';
import { childDecider } from './decider';
import type { ChildDetails, ChildEvent } from './events';
import { given } from '../testing/given';

const details: ChildDetails = {
  givenName: 'Amira',
  familyName: 'Khan',
  dateOfBirth: '2014-03-02',
  upn: 'A123456789012',
  schoolId: 'school-oakfield',
  yearGroup: 6,
  flags: ['young-carer'],
};
const today = '2026-12-01';
const registered: ChildEvent = { type: 'ChildRegistered', data: { childId: 'c1', ...details } };

describe('child registration (child-{id})', () => {
  it('registers a new child', () => {
    given(childDecider, []).when({ type: 'RegisterChild', childId: 'c1', details, today }).then([registered]);
  });

  it('refuses a date of birth that would make the child older than any the platform serves, on registration and correction', () => {
    given(childDecider, [])
      .when({ type: 'RegisterChild', childId: 'c1', details: { ...details, dateOfBirth: '1900-03-09' }, today })
      .thenError('child.date-of-birth-implausible');
    given(childDecider, [registered])
      .when({ type: 'CorrectChildDetails', childId: 'c1', changes: { dateOfBirth: '2000-11-30' }, reason: 'x', today })
      .thenError('child.date-of-birth-implausible');
    given(childDecider, [])
      .when({ type: 'RegisterChild', childId: 'c1', details: { ...details, dateOfBirth: '2001-12-01' }, today })
      .then([{ type: 'ChildRegistered', data: { childId: 'c1', ...details, dateOfBirth: '2001-12-01' } }]);
  });

  it('refuses to register the same child twice', () => {
    given(childDecider, [registered])
      .when({ type: 'RegisterChild', childId: 'c1', details, today })
      .thenError('child.already-registered');
  });

  it('records only the fields a correction changes, with its reason', () => {
    given(childDecider, [registered])
      .when({
        type: 'CorrectChildDetails',
        childId: 'c1',
        changes: { yearGroup: 7, familyName: 'Khan' },
        reason: 'moved up a year',
        today,
      })
      .then([{ type: 'ChildDetailsCorrected', data: { childId: 'c1', yearGroup: 7, reason: 'moved up a year' } }]);
  });

  it('refuses a correction that changes nothing', () => {
    const error = given(childDecider, [registered])
      .when({ type: 'CorrectChildDetails', childId: 'c1', changes: { yearGroup: 6 }, reason: 'typo', today })
      .thenError('child.correction-changes-nothing');
    expect(error.kind).toBe('invalid');
  });

  it('refuses a change of school as a correction: a school move is its own act', () => {
    const error = given(childDecider, [registered])
      .when({
        type: 'CorrectChildDetails',
        childId: 'c1',
        changes: { schoolId: 'school-riverside', yearGroup: 7 },
        reason: 'moved school',
        today,
      })
      .thenError('child.school-move-required');
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('school move');
  });

  it('lets a correction repeat the current school', () => {
    given(childDecider, [registered])
      .when({
        type: 'CorrectChildDetails',
        childId: 'c1',
        changes: { schoolId: 'school-oakfield', yearGroup: 7 },
        reason: 'moved up a year',
        today,
      })
      .then([{ type: 'ChildDetailsCorrected', data: { childId: 'c1', yearGroup: 7, reason: 'moved up a year' } }]);
  });

  it('refuses to correct a child that was never registered', () => {
    given(childDecider, [])
      .when({ type: 'CorrectChildDetails', childId: 'c1', changes: { yearGroup: 7 }, reason: 'x', today })
      .thenError('child.not-registered');
  });

  it('folds corrections into state', () => {
    const state = [
      registered,
      { type: 'ChildDetailsCorrected', data: { childId: 'c1', yearGroup: 7, reason: 'r' } } as ChildEvent,
    ].reduce(childDecider.evolve, childDecider.initialState);
    expect(state).toEqual({ status: 'registered', details: { ...details, yearGroup: 7 } });
    expect(new DomainError('x', 'y').kind).toBe('conflict');
  });
});

describe('a child who moved school', () => {
  it('is at the new school: a correction repeating it changes nothing, one naming the old school is a move', () => {
    const moved = {
      type: 'SchoolMoveRecorded',
      data: { childId: 'c1', moveId: 'm1', fromSchoolId: 'school-oakfield', toSchoolId: 'school-riverside' },
    } as unknown as ChildEvent;
    given(childDecider, [registered, moved])
      .when({
        type: 'CorrectChildDetails',
        childId: 'c1',
        changes: { schoolId: 'school-riverside' },
        reason: 'x',
        today,
      })
      .thenError('child.correction-changes-nothing');
    given(childDecider, [registered, moved])
      .when({
        type: 'CorrectChildDetails',
        childId: 'c1',
        changes: { schoolId: 'school-oakfield' },
        reason: 'x',
        today,
      })
      .thenError('child.school-move-required');
  });
});
