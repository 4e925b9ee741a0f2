import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBankHolidays } from './bank-holidays';

const dir = mkdtempSync(join(tmpdir(), 'bank-holidays-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('the working-day calendar from BANK_HOLIDAYS_FILE', () => {
  it('reads the shipped England and Wales calendar: Good Friday and Easter Monday 2026 are not working days', () => {
    const { calendar, lastYear } = loadBankHolidays('deploy/calendars/england-and-wales.json');
    // Thursday 2 April 2026 + 1 working day skips Good Friday, the weekend and Easter Monday.
    expect(calendar.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    // Christmas 2026: Friday 25th and the substitute Boxing Day, Monday 28th.
    expect(calendar.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(lastYear).toBeGreaterThanOrEqual(2027);
  });

  it('accepts a plain array of days', () => {
    const { calendar } = loadBankHolidays(file('plain.json', '["2026-11-23"]'));
    expect(calendar.addWorkingDays('2026-11-20', 1)).toBe('2026-11-24');
  });

  it('names the variable when the file is missing, malformed or lists a non-day', () => {
    expect(() => loadBankHolidays(join(dir, 'absent.json'))).toThrow(
      /^Configuration error: BANK_HOLIDAYS_FILE could not be read/,
    );
    expect(() => loadBankHolidays(file('object.json', '{"scotland":{}}'))).toThrow(
      /BANK_HOLIDAYS_FILE must hold a JSON array/,
    );
    expect(() => loadBankHolidays(file('bad-day.json', '["2026-02-30"]'))).toThrow(
      /BANK_HOLIDAYS_FILE lists "2026-02-30"/,
    );
  });
});
