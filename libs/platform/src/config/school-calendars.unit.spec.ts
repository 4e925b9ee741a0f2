import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBankHolidays } from './bank-holidays';
import { loadConfig } from './config';
import { loadSchoolCalendars } from './school-calendars';

const dir = mkdtempSync(join(tmpdir(), 'school-calendars-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const { days } = loadBankHolidays('deploy/calendars/england-and-wales.json');

describe('the school calendars from SCHOOL_CALENDARS_FILE', () => {
  it("defaults to the shipped example, with each demo school's INSET days", () => {
    const config = loadConfig({});
    expect(config.schoolCalendarsFile).toMatch(/deploy\/calendars\/school-terms\.json$/);
    const { calendars, coveredUntil } = loadSchoolCalendars(config.schoolCalendarsFile, days);
    expect(coveredUntil).toBe('2027-07-21');
    // Oakfield's INSET day after half-term; Riverside is open that Monday.
    expect(calendars.of('school-oakfield').isSchoolDay('2026-11-02')).toBe(false);
    expect(calendars.of('school-riverside').isSchoolDay('2026-11-02')).toBe(true);
    // Christmas: the last day of term, then the first day of spring term (Oakfield's INSET on 4 January).
    expect(calendars.of('school-oakfield').addWorkingDays('2026-12-18', 1)).toBe('2027-01-05');
  });

  it('names the variable and the place of a mistake', () => {
    expect(() => loadSchoolCalendars(join(dir, 'absent.json'), days)).toThrow(
      /^Configuration error: SCHOOL_CALENDARS_FILE could not be read as JSON/,
    );
    expect(() => loadSchoolCalendars(file('no-schools.json', { default: { terms: [] } }), days)).toThrow(
      /SCHOOL_CALENDARS_FILE must hold \{"default"/,
    );
    expect(() => loadSchoolCalendars(file('no-terms.json', { default: {}, schools: {} }), days)).toThrow(
      /default\.terms is required/,
    );
    expect(() =>
      loadSchoolCalendars(
        file('bad-term.json', { default: { terms: [{ start: '2026-09-03', end: '2026-02-30' }] }, schools: {} }),
        days,
      ),
    ).toThrow(/default\.terms\[0\] must be/);
    expect(() =>
      loadSchoolCalendars(
        file('backwards.json', { default: { terms: [{ start: '2026-09-03', end: '2026-09-01' }] }, schools: {} }),
        days,
      ),
    ).toThrow(/ends \(2026-09-01\) before it starts/);
    expect(() =>
      loadSchoolCalendars(
        file('bad-closure.json', { default: { terms: [] }, schools: { 'school-x': { closures: ['3 Sept'] } } }),
        days,
      ),
    ).toThrow(/schools\.school-x\.closures lists "3 Sept"/);
    expect(() =>
      loadSchoolCalendars(file('unknown.json', { default: { terms: [], holidays: [] }, schools: {} }), days),
    ).toThrow(/default has "holidays"/);
  });
});
