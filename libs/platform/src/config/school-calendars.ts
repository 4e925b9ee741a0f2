import { readFileSync } from 'node:fs';
import { isIsoDate } from '@app/domain';
import { schoolCalendars, type SchoolCalendars, type SchoolDates, type SchoolDatesBySchool } from '@app/domain';
import { ConfigError } from './config';

export interface LoadedSchoolCalendars {
  readonly calendars: SchoolCalendars;
  /** The last term day any school's dates cover: later deadlines count working days only. */
  readonly coveredUntil: string | undefined;
}

const VARIABLE = 'SCHOOL_CALENDARS_FILE';

const fail = (file: string, problem: string): never => {
  throw new ConfigError(VARIABLE, `${problem} (${file})`);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function termsAt(file: string, where: string, value: unknown): SchoolDates['terms'] {
  if (!Array.isArray(value)) return fail(file, `${where}.terms must be an array of {"start","end"} days`);
  return value.map((term: unknown, i) => {
    if (!isObject(term) || !isIsoDate(term.start) || !isIsoDate(term.end))
      return fail(file, `${where}.terms[${i}] must be {"start":"YYYY-MM-DD","end":"YYYY-MM-DD"}`);
    if (term.end < term.start)
      return fail(file, `${where}.terms[${i}] ends (${term.end}) before it starts (${term.start})`);
    return { start: term.start, end: term.end };
  });
}

function closuresAt(file: string, where: string, value: unknown): readonly string[] {
  if (!Array.isArray(value)) return fail(file, `${where}.closures must be an array of days`);
  const bad = value.find((day) => !isIsoDate(day));
  return bad === undefined
    ? (value as string[])
    : fail(file, `${where}.closures lists ${JSON.stringify(bad)}, which is not a day (YYYY-MM-DD)`);
}

function datesAt(file: string, where: string, value: unknown, required: boolean): Partial<SchoolDates> {
  if (!isObject(value)) return fail(file, `${where} must be an object with "terms" and "closures"`);
  const unknown = Object.keys(value).find((key) => key !== 'terms' && key !== 'closures');
  if (unknown !== undefined) fail(file, `${where} has "${unknown}": only "terms" and "closures" are read`);
  if (required && value.terms === undefined) fail(file, `${where}.terms is required`);
  return {
    ...(value.terms === undefined ? {} : { terms: termsAt(file, where, value.terms) }),
    ...(value.closures === undefined ? {} : { closures: closuresAt(file, where, value.closures) }),
  };
}

/**
 * Reads every school's term dates and closure days (ADR 014): `default`, the local
 * authority's terms, and `schools`, what a school sets differently, by its agency id.
 */
export function loadSchoolCalendars(file: string, bankHolidays: readonly string[]): LoadedSchoolCalendars {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(file, `could not be read as JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed) || !isObject(parsed.schools))
    return fail(file, 'must hold {"default": {"terms": [...], "closures": [...]}, "schools": {"<schoolId>": {...}}}');
  const authority = datesAt(file, 'default', parsed.default, true);
  const dates: SchoolDatesBySchool = {
    default: { terms: authority.terms ?? [], closures: authority.closures ?? [] },
    schools: Object.fromEntries(
      Object.entries(parsed.schools).map(([schoolId, own]) => [
        schoolId,
        datesAt(file, `schools.${schoolId}`, own, false),
      ]),
    ),
  };
  const ends = [dates.default, ...Object.values(dates.schools)]
    .flatMap((own) => own.terms ?? [])
    .map((term) => term.end)
    .sort();
  return { calendars: schoolCalendars(bankHolidays, dates), coveredUntil: ends[ends.length - 1] };
}
