import { isIsoDate } from '@app/domain';
import { bankHolidayCalendar } from '@app/domain';
import type { WorkingDayCalendar } from '@app/domain';
import { ConfigError } from './config';
import { readJsonConfig } from './json-file';

export interface BankHolidays {
  readonly calendar: WorkingDayCalendar;
  readonly days: readonly string[];
  /** The last year the file lists: deadlines beyond it count weekends only. */
  readonly lastYear: number;
}

const VARIABLE = 'BANK_HOLIDAYS_FILE';

/**
 * Reads the working-day calendar: either gov.uk's own bank-holidays.json (the
 * england-and-wales division is used) or a plain JSON array of days, so an operator can
 * drop in the file gov.uk publishes each year without editing it.
 */
export function loadBankHolidays(file: string): BankHolidays {
  const parsed = readJsonConfig(VARIABLE, file);
  const listed = Array.isArray(parsed)
    ? parsed
    : (parsed as { 'england-and-wales'?: { events?: Array<{ date?: unknown }> } })?.['england-and-wales']?.events?.map(
        (e) => e?.date,
      );
  if (!Array.isArray(listed) || listed.length === 0) {
    throw new ConfigError(
      VARIABLE,
      `must hold a JSON array of days or gov.uk's bank-holidays.json with an england-and-wales division (${file})`,
    );
  }
  const bad = listed.find((day) => !isIsoDate(day));
  if (bad !== undefined)
    throw new ConfigError(VARIABLE, `lists ${JSON.stringify(bad)}, which is not a day (YYYY-MM-DD), in ${file}`);
  const days = [...new Set(listed as string[])].sort();
  return { calendar: bankHolidayCalendar(days), days, lastYear: Number(days[days.length - 1].slice(0, 4)) };
}
