import type { IsoDate } from '../shared';
import type { WorkingDayCalendar } from './index';
import { bankHolidayCalendar } from './working-days';

/**
 * For tests only: weekends and the England & Wales bank holidays of 2025 and 2026
 * (gov.uk/bank-holidays). The platform's configured calendar replaces it at run time.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly IsoDate[] = [
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
];

export const fixtureCalendar = (holidays: readonly IsoDate[] = ENGLAND_AND_WALES_BANK_HOLIDAYS): WorkingDayCalendar =>
  bankHolidayCalendar(holidays);
