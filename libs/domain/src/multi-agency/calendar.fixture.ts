import { type IsoDate, type WorkingDayCalendar, weekdayOf } from './values';

/**
 * For tests only: weekends and the England & Wales bank holidays of 2025 and 2026
 * (gov.uk/bank-holidays). The platform's configured calendar replaces it at run time.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly IsoDate[] = [
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
];

const nextDay = (day: IsoDate): IsoDate => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

export const fixtureCalendar = (holidays: readonly IsoDate[] = ENGLAND_AND_WALES_BANK_HOLIDAYS): WorkingDayCalendar => ({
  addWorkingDays(from, days) {
    let day = from;
    let counted = 0;
    while (counted < days) {
      day = nextDay(day);
      const weekday = weekdayOf(day);
      if (weekday !== 0 && weekday !== 6 && !holidays.includes(day)) counted += 1;
    }
    return day;
  },
});
