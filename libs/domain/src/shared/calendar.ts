/**
 * Dates in the domain are plain ISO strings so events stay JSON: a day is `YYYY-MM-DD`
 * (a school day in England), an instant is a full ISO-8601 timestamp. Days compare as
 * strings; instants compare by their epoch value. No clock is read here: every "now"
 * is passed in by the caller.
 */
export type IsoDate = string;
export type IsoInstant = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isIsoInstant(value: unknown): value is IsoInstant {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

const londonDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in England on which an instant falls (BST-aware). A bare day is itself. */
export function dayOf(at: IsoInstant | IsoDate): IsoDate {
  if (isIsoDate(at)) return at;
  return londonDay.format(new Date(at));
}

/** Start of a day as an instant comparable with timestamps (UTC midnight is close enough for ordering days). */
export const instantOf = (at: IsoInstant | IsoDate): number =>
  isIsoDate(at) ? Date.parse(`${at}T00:00:00Z`) : Date.parse(at);

/** Whole years of age on a given day. */
export function ageOn(dateOfBirth: IsoDate, day: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function addDays(day: IsoDate, days: number): IsoDate {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const addWeeks = (day: IsoDate, weeks: number): IsoDate => addDays(day, weeks * 7);

/** The Sunday ending the Monday-to-Sunday school week that contains `day`. */
export function endOfWeek(day: IsoDate): IsoDate {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, weekday === 0 ? 0 : 7 - weekday);
}

/** The same day `months` calendar months later, or the month's last day when it has fewer days. */
export function addMonths(day: IsoDate, months: number): IsoDate {
  const [y, m, d] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
