import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../multi-agency/calendar.fixture';
import { schoolCalendar, schoolCalendars, type SchoolDates } from './school-calendar';

// A local authority's 2025-26 and 2026-27 half-terms (the weeks between are holidays).
const terms: SchoolDates['terms'] = [
  { start: '2026-04-13', end: '2026-05-22' },
  { start: '2026-06-01', end: '2026-07-22' },
  { start: '2026-09-03', end: '2026-10-23' },
  { start: '2026-11-02', end: '2026-12-18' },
  { start: '2027-01-04', end: '2027-02-12' },
];
const calendar = schoolCalendar(ENGLAND_AND_WALES_BANK_HOLIDAYS, { terms, closures: ['2026-11-02', '2026-11-27'] });

describe("a school calendar: weekdays in term, less bank holidays and the school's closure days", () => {
  it('skips the weekend', () => {
    expect(calendar.isSchoolDay('2026-11-07')).toBe(false);
    expect(calendar.addWorkingDays('2026-11-06', 1)).toBe('2026-11-09');
  });

  it('skips a bank holiday in term: the early May bank holiday 2026', () => {
    expect(calendar.isSchoolDay('2026-05-04')).toBe(false);
    expect(calendar.addWorkingDays('2026-05-01', 1)).toBe('2026-05-05');
  });

  it('skips half-term and an INSET day after it', () => {
    expect(calendar.isSchoolDay('2026-10-28')).toBe(false);
    // Friday 23 October + 1: half-term week, then the INSET day on Monday 2 November.
    expect(calendar.addWorkingDays('2026-10-23', 1)).toBe('2026-11-03');
  });

  it('counts the school days between two days across the Christmas holiday', () => {
    // 18 December, then 4 and 5 January.
    expect(calendar.schoolDaysBetween('2026-12-17', '2027-01-05')).toBe(3);
    expect(calendar.schoolDaysBetween('2027-01-05', '2026-12-17')).toBe(0);
  });

  it('numbers school days from a start day that is day 1 when the school is open', () => {
    // Wednesday 25 November: 25 (1), 26 (2), closed 27, 30 (3), 1 December (4), 2 December (5).
    expect(calendar.schoolDayNumber('2026-11-25', '2026-11-25')).toBe(1);
    expect(calendar.schoolDayNumber('2026-11-25', '2026-12-01')).toBe(4);
    expect(calendar.schoolDayNumber('2026-11-25', '2026-11-24')).toBe(0);
    expect(calendar.nthSchoolDay('2026-11-25', 5)).toBe('2026-12-02');
  });

  it('counts from the first day of term when the start falls in a holiday', () => {
    // Starting in half-term: 3 (INSET 2 November closed), 4, 5, 6, 9 November.
    expect(calendar.nthSchoolDay('2026-10-26', 5)).toBe('2026-11-09');
  });

  it('counts working days beyond the last configured term so a deadline there still arrives', () => {
    expect(calendar.coveredUntil).toBe('2027-02-12');
    const later = schoolCalendar(['2027-05-31'], { terms, closures: [] });
    expect(later.isSchoolDay('2027-02-22')).toBe(true);
    expect(later.addWorkingDays('2027-05-28', 1)).toBe('2027-06-01');
  });

  it('is the bank-holiday calendar when a school has no terms at all', () => {
    const plain = schoolCalendar(ENGLAND_AND_WALES_BANK_HOLIDAYS, { terms: [], closures: [] });
    expect(plain.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(plain.coveredUntil).toBeUndefined();
  });
});

describe('the calendars of every school', () => {
  const calendars = schoolCalendars(ENGLAND_AND_WALES_BANK_HOLIDAYS, {
    default: { terms, closures: ['2026-09-03'] },
    schools: {
      'school-riverside': { closures: ['2026-11-02'] },
      'school-oakfield': { terms: [{ start: '2026-09-01', end: '2026-12-16' }] },
    },
  });

  it("gives a school its own closures and the authority's terms where it sets none", () => {
    expect(calendars.of('school-riverside').isSchoolDay('2026-11-02')).toBe(false);
    expect(calendars.of('school-riverside').isSchoolDay('2026-09-03')).toBe(true);
    expect(calendars.of('school-riverside').isSchoolDay('2026-10-28')).toBe(false);
  });

  it("gives a school its own terms and the authority's closures where it sets none", () => {
    expect(calendars.of('school-oakfield').isSchoolDay('2026-10-28')).toBe(true);
    expect(calendars.of('school-oakfield').isSchoolDay('2026-09-03')).toBe(false);
  });

  it("gives a school the configuration does not name the local authority's calendar", () => {
    expect(calendars.of('school-unlisted').isSchoolDay('2026-09-03')).toBe(false);
    expect(calendars.of('school-unlisted').isSchoolDay('2026-09-04')).toBe(true);
  });
});
