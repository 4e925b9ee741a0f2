import { addDays, type IsoDate } from '../shared/calendar';
import { type WorkingDayCalendar, weekdayOf } from '../multi-agency';

/** One term (or half-term) of a school: its first and last day, both school days unless closed. */
export interface Term {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/**
 * What makes a school's own calendar: its terms (half-terms listed as separate terms, so
 * the week between is a holiday) and its closure days (INSET days, polling days, a snow day).
 */
export interface SchoolDates {
  readonly terms: readonly Term[];
  readonly closures: readonly IsoDate[];
}

/**
 * A school's days: a school day is a weekday that is not a bank holiday, falls inside one
 * of the school's terms and is not one of its closure days. Before the first term and after
 * the last one the school's dates say nothing, so those days count as working days
 * (weekdays less bank holidays): a deadline past the configured year still arrives.
 */
export interface SchoolCalendar extends WorkingDayCalendar {
  isSchoolDay(day: IsoDate): boolean;
  /** School days after `from` up to and including `to` (0 when `to` is not after `from`). */
  schoolDaysBetween(from: IsoDate, to: IsoDate): number;
  /**
   * Which school day, counting `start` itself as day 1 when it is a school day, a day falls
   * on: "the file arrived on school day 4 after the child started". 0 before `start`.
   */
  schoolDayNumber(start: IsoDate, day: IsoDate): number;
  /** The `n`th school day counting from `start` (itself day 1 when a school day): a deadline of "within n school days". */
  nthSchoolDay(start: IsoDate, n: number): IsoDate;
  /** The last day the school's terms cover; later days are counted as working days. */
  readonly coveredUntil: IsoDate | undefined;
}

export function schoolCalendar(bankHolidays: Iterable<IsoDate>, dates: SchoolDates): SchoolCalendar {
  const holidays = new Set(bankHolidays);
  const closures = new Set(dates.closures);
  const terms = [...dates.terms].sort((a, b) => (a.start < b.start ? -1 : 1));
  const coveredFrom = terms[0]?.start;
  const coveredUntil = terms.reduce<IsoDate | undefined>(
    (last, term) => (last === undefined || term.end > last ? term.end : last),
    undefined,
  );
  const inTerm = (day: IsoDate) =>
    coveredFrom === undefined ||
    day < coveredFrom ||
    day > (coveredUntil as IsoDate) ||
    terms.some((term) => term.start <= day && day <= term.end);

  const isSchoolDay = (day: IsoDate): boolean => {
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6 && !holidays.has(day) && !closures.has(day) && inTerm(day);
  };
  const addWorkingDays = (from: IsoDate, days: number): IsoDate => {
    let day = from;
    for (let counted = 0; counted < days;) {
      day = addDays(day, 1);
      if (isSchoolDay(day)) counted += 1;
    }
    return day;
  };
  const schoolDaysBetween = (from: IsoDate, to: IsoDate): number => {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isSchoolDay(day)) count += 1;
    return count;
  };
  return {
    isSchoolDay,
    addWorkingDays,
    schoolDaysBetween,
    schoolDayNumber: (start, day) => (day < start ? 0 : schoolDaysBetween(addDays(start, -1), day)),
    nthSchoolDay: (start, n) => addWorkingDays(addDays(start, -1), n),
    coveredUntil,
  };
}

/** "The calendar of school X": what the API injects; a school without dates of its own has its local authority's. */
export interface SchoolCalendars {
  of(schoolId: string): SchoolCalendar;
}

/** Dates for every school: the local authority's, and what a school sets differently (a field it leaves out is the authority's). */
export interface SchoolDatesBySchool {
  readonly default: SchoolDates;
  readonly schools: Readonly<Record<string, Partial<SchoolDates>>>;
}

export function schoolCalendars(bankHolidays: readonly IsoDate[], dates: SchoolDatesBySchool): SchoolCalendars {
  const authority = schoolCalendar(bankHolidays, dates.default);
  const bySchool = new Map(
    Object.entries(dates.schools).map(([schoolId, own]) => [
      schoolId,
      schoolCalendar(bankHolidays, {
        terms: own.terms ?? dates.default.terms,
        closures: own.closures ?? dates.default.closures,
      }),
    ]),
  );
  return { of: (schoolId) => bySchool.get(schoolId) ?? authority };
}
