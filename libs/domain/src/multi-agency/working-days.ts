import { addDays } from '../shared/calendar';
import { type IsoDate, type WorkingDayCalendar, weekdayOf } from './values';

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
