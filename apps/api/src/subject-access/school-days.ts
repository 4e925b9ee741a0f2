import type { Provider } from '@nestjs/common';
import type { WorkingDayCalendar } from '@app/domain/multi-agency/values';
import { CALENDAR } from '../platform/tokens';

/** A school's own days, on which the educational record's 15 school days are counted. */
export type SchoolDays = (schoolId: string) => WorkingDayCalendar;
export const SCHOOL_DAYS = Symbol('SchoolDays');

/**
 * Until schools' term dates and closure days are configured, every school's days are the
 * platform's working days (weekdays less the bank holidays of BANK_HOLIDAYS_FILE).
 */
export const schoolDaysProvider: Provider = { provide: SCHOOL_DAYS, inject: [CALENDAR], useFactory: (calendar: WorkingDayCalendar): SchoolDays => () => calendar };
