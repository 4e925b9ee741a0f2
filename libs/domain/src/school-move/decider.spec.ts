import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../multi-agency/calendar.fixture';
import { schoolCalendars } from '../school-calendar';
import type { Actor } from '../shared';
import { given } from '../testing/given';
import type { ChildRegistered } from '../child/events';
import { inBreach, transferClockState } from './clocks';
import { schoolMoveDecider } from './decider';
import { CHILD_PROTECTION_FILE_BASIS, type SchoolMoveEvent } from './events';

// Riverside, the new school, closes for an INSET day on Friday 27 November 2026.
const calendars = schoolCalendars(ENGLAND_AND_WALES_BANK_HOLIDAYS, {
  default: { terms: [{ start: '2026-09-03', end: '2026-12-18' }], closures: [] },
  schools: { 'school-riverside': { closures: ['2026-11-27'] } },
});
const decider = schoolMoveDecider(calendars);
const dslOak: Actor = { userId: 'dsl.oakfield', role: 'dsl', agencyId: 'school-oakfield' };
const dslRiver: Actor = { userId: 'dsl.riverside', role: 'dsl', agencyId: 'school-riverside' };
const at = '2026-11-20T09:00:00Z';
const registered = {
  type: 'ChildRegistered',
  data: {
    childId: 'c1',
    givenName: 'A',
    familyName: 'B',
    dateOfBirth: '2015-01-01',
    schoolId: 'school-oakfield',
    yearGroup: 6,
    flags: [],
  },
} as ChildRegistered as unknown as SchoolMoveEvent;
const move = (over: Record<string, unknown> = {}) => ({
  type: 'RecordSchoolMove' as const,
  childId: 'c1',
  moveId: 'm1',
  toSchoolId: 'school-riverside',
  startsOn: '2026-11-25',
  reason: 'family moved',
  childProtectionRecords: ['concern:k1', 'sharing:s1', 'concern:k1'],
  by: dslOak,
  at,
  ...over,
});
const [recorded] = given(decider, [registered]).when(move()).events();
const send = (sentOn: string, lateReason?: string) => ({
  type: 'SendChildProtectionFile' as const,
  moveId: 'm1',
  sentOn,
  lateReason,
  by: dslOak,
  at: `${sentOn}T10:00:00Z`,
});
const receive = (receivedOn: string, lateReason?: string, by = dslRiver) => ({
  type: 'ConfirmChildProtectionFileReceipt' as const,
  moveId: 'm1',
  receivedOn,
  lateReason,
  by,
});

describe('a school move (child-{id}): the child-protection file follows within 5 school days (KCSIE)', () => {
  it('moves the pupil record and sets the file due on the 5th school day at the new school, its INSET day skipped', () => {
    expect(recorded).toEqual({
      type: 'SchoolMoveRecorded',
      data: {
        childId: 'c1',
        moveId: 'm1',
        fromSchoolId: 'school-oakfield',
        toSchoolId: 'school-riverside',
        startsOn: '2026-11-25',
        reason: 'family moved',
        recordedBy: { userId: 'dsl.oakfield', role: 'dsl', agencyId: 'school-oakfield' },
        recordedAt: at,
        // 25 (1), 26 (2), INSET 27, 30 (3), 1 December (4), 2 December (5).
        childProtectionFile: { records: ['concern:k1', 'sharing:s1'], transferDueBy: '2026-12-02' },
      },
    });
    expect(decider.evolve(decider.initialState, registered)).toMatchObject({ schoolId: 'school-oakfield' });
    expect([registered, recorded].reduce(decider.evolve, decider.initialState)).toMatchObject({
      schoolId: 'school-riverside',
    });
  });

  it('records a move with no file when the leaving school holds none', () => {
    const [none] = given(decider, [registered])
      .when(move({ childProtectionRecords: [] }))
      .events();
    expect(none.data).not.toHaveProperty('childProtectionFile');
    given(decider, [registered, none]).when(send('2026-11-30')).thenError('school-move.no-child-protection-file');
  });

  it('refuses bad input naming the field, and a move to the same school', () => {
    expect(
      given(decider, [registered])
        .when(move({ toSchoolId: 'riverside' }))
        .thenError('school-move.to-school').field,
    ).toBe('toSchoolId');
    expect(
      given(decider, [registered])
        .when(move({ toSchoolId: 'school-oakfield' }))
        .thenError('school-move.same-school').field,
    ).toBe('toSchoolId');
    expect(
      given(decider, [registered])
        .when(move({ startsOn: '25/11/2026' }))
        .thenError('school-move.starts-on').field,
    ).toBe('startsOn');
    expect(
      given(decider, [registered])
        .when(move({ reason: ' ' }))
        .thenError('school-move.reason-required').field,
    ).toBe('reason');
    given(decider, [registered, recorded]).when(move()).thenError('school-move.already-recorded');
  });

  it("is recorded by the leaving school only, and the file sent by its DSL and received by the new one's", () => {
    expect(
      given(decider, [registered])
        .when(move({ by: dslRiver }))
        .thenError('school-move.role').kind,
    ).toBe('forbidden');
    given(decider, [registered])
      .when(move({ by: { ...dslOak, role: 'teacher' } }))
      .thenError('school-move.role');
    given(decider, [registered, recorded])
      .when({ ...send('2026-11-30'), by: dslRiver })
      .thenError('school-move.role');
    given(decider, [registered, recorded])
      .when(receive('2026-11-30', undefined, dslOak))
      .thenError('school-move.role');
  });

  it('sends on school day 4: on time, a disclosure under the statutory duty', () => {
    const [sent] = given(decider, [registered, recorded]).when(send('2026-12-01')).events();
    expect(sent).toEqual({
      type: 'ChildProtectionFileSent',
      data: {
        childId: 'c1',
        moveId: 'm1',
        toSchoolId: 'school-riverside',
        records: ['concern:k1', 'sharing:s1'],
        basis: CHILD_PROTECTION_FILE_BASIS,
        sentBy: { userId: 'dsl.oakfield', role: 'dsl', agencyId: 'school-oakfield' },
        sentOn: '2026-12-01',
        sentAt: '2026-12-01T10:00:00Z',
        schoolDay: 4,
        receiptDueBy: '2026-12-02',
      },
    });
    expect(CHILD_PROTECTION_FILE_BASIS.justification).toContain('Keeping children safe in education');
    given(decider, [registered, recorded, sent]).when(send('2026-12-01')).thenError('school-move.file-already-sent');
    const [received] = given(decider, [registered, recorded, sent]).when(receive('2026-12-02')).events();
    expect(received.data).toEqual({
      childId: 'c1',
      moveId: 'm1',
      receivedBy: { userId: 'dsl.riverside', role: 'dsl', agencyId: 'school-riverside' },
      receivedOn: '2026-12-02',
    });
    given(decider, [registered, recorded, sent, received])
      .when(receive('2026-12-02'))
      .thenError('school-move.file-already-received');
  });

  it('refuses a late transfer without its reason, and records the breach with one', () => {
    expect(
      given(decider, [registered, recorded]).when(send('2026-12-03')).thenError('school-move.late-reason-required')
        .field,
    ).toBe('lateReason');
    const [late] = given(decider, [registered, recorded]).when(send('2026-12-03', 'the DSL was off sick')).events();
    expect(late.data).toMatchObject({
      schoolDay: 6,
      breach: { dueBy: '2026-12-02', reason: 'the DSL was off sick' },
      receiptDueBy: '2026-12-04',
    });
  });

  it('keeps acts in order: no receipt before sending, no sending before the move was recorded', () => {
    given(decider, [registered, recorded]).when(receive('2026-12-01')).thenError('school-move.file-not-sent');
    expect(
      given(decider, [registered, recorded]).when(send('2026-11-19')).thenError('date.before-preceding-act').field,
    ).toBe('sentOn');
    const [sent] = given(decider, [registered, recorded]).when(send('2026-12-01')).events();
    expect(
      given(decider, [registered, recorded, sent]).when(receive('2026-11-30')).thenError('date.before-preceding-act')
        .field,
    ).toBe('receivedOn');
    expect(
      given(decider, [registered, recorded, sent])
        .when(receive('2026-12-03'))
        .thenError('school-move.late-reason-required').field,
    ).toBe('lateReason');
  });
});

describe('the clocks of a file, on the day asked', () => {
  it('is due, then overdue; met, or breached when late', () => {
    expect(transferClockState({ dueBy: null, metOn: null, breach: null }, '2026-12-01')).toBe('waiting');
    expect(transferClockState({ dueBy: '2026-12-02', metOn: null, breach: null }, '2026-12-02')).toBe('due');
    expect(transferClockState({ dueBy: '2026-12-02', metOn: null, breach: null }, '2026-12-03')).toBe('overdue');
    expect(transferClockState({ dueBy: '2026-12-02', metOn: '2026-12-01', breach: null }, '2026-12-09')).toBe('met');
    expect(
      transferClockState(
        { dueBy: '2026-12-02', metOn: '2026-12-03', breach: { dueBy: '2026-12-02', reason: 'r' } },
        '2026-12-09',
      ),
    ).toBe('breached');
    expect(['waiting', 'due', 'met'].some((s) => inBreach(s as never))).toBe(false);
    expect(inBreach('overdue') && inBreach('breached')).toBe(true);
  });
});
