import { addDays, type IsoDate } from '../shared/calendar';

/** 0 = Sunday … 6 = Saturday, the day of the week a calendar day falls on. */
export const weekdayOf = (day: IsoDate): number => new Date(`${day}T00:00:00Z`).getUTCDay();

/**
 * Working days (weekends and England & Wales bank holidays excluded), from a configured
 * calendar the caller supplies. The deciders only need to move forward by N working days.
 */
export interface WorkingDayCalendar {
  /** The day `days` working days after `from` (from itself not counted). */
  addWorkingDays(from: IsoDate, days: number): IsoDate;
}

/**
 * Which working day after `from` a day falls on (1 = the next working day), for
 * "first contact on working day 9". A day that is not a working day counts as the next one.
 */
export function workingDayNumber(calendar: WorkingDayCalendar, from: IsoDate, day: IsoDate, limit = 366): number {
  if (day <= from) return 0;
  for (let n = 1; n <= limit; n += 1) if (calendar.addWorkingDays(from, n) >= day) return n;
  return limit;
}

/** Weekends and the given bank holidays are not working days; every other day is. */
export function bankHolidayCalendar(holidays: Iterable<IsoDate>): WorkingDayCalendar {
  const closed = new Set(holidays);
  return {
    addWorkingDays(from, days) {
      let day = from;
      let counted = 0;
      while (counted < days) {
        day = addDays(day, 1);
        const weekday = weekdayOf(day);
        if (weekday !== 0 && weekday !== 6 && !closed.has(day)) counted += 1;
      }
      return day;
    },
  };
}
