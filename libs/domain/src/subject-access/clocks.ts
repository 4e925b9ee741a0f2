import type { WorkingDayCalendar } from '../multi-agency';
import { addDays, addMonths, type IsoDate } from '../shared/calendar';
import { EDUCATIONAL_RECORD_SCHOOL_DAYS } from './vocabulary';

/** `day` itself when it is a working day, else the next one. */
const workingDayFrom = (day: IsoDate, workingDays: WorkingDayCalendar): IsoDate =>
  workingDays.addWorkingDays(addDays(day, -1), 1);

/**
 * The ICO's reading of "one month" (right of access, "How long do we have to comply?"): the
 * day of receipt is day one, whether or not it is a working day, and the time runs to the
 * corresponding calendar date `months` later (3 September: 3 October); where that month is
 * shorter and has no such date, to its last day (31 January: 28 or 29 February); where the
 * date falls on a weekend or a bank holiday, to the next working day.
 */
export const calendarMonthsDue = (receivedOn: IsoDate, months: number, workingDays: WorkingDayCalendar): IsoDate =>
  workingDayFrom(addMonths(receivedOn, months), workingDays);

/** Reg. 5(2): within 15 school days of receipt; the day of receipt is not one of them. */
export const schoolDaysDue = (receivedOn: IsoDate, schoolDays: WorkingDayCalendar): IsoDate =>
  schoolDays.addWorkingDays(receivedOn, EDUCATIONAL_RECORD_SCHOOL_DAYS);

export type RequestStatus = 'due' | 'overdue' | 'answered';

/** On a day: answered (on time or with its breach), overdue (past its day, not answered), or due. */
export const requestStatus = (
  request: { readonly dueBy: IsoDate; readonly answeredOn: IsoDate | null },
  today: IsoDate,
): RequestStatus => (request.answeredOn !== null ? 'answered' : request.dueBy < today ? 'overdue' : 'due');
