import { CSRF_FIELD } from './page-sessions';

/**
 * A submitted form's strings made into the API's body: the API's DTO and the domain then
 * judge them exactly as for a JSON client. Nothing is validated here; a blank field is
 * left out, so the API names it as missing.
 */
export type FormBody = Readonly<Record<string, unknown>>;

const given = (form: FormBody, name: string): string | undefined => {
  const value = form[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

export const textOf = given;

/** A whole number as typed; anything else is passed on as typed, for the API to refuse by name. */
export const numberOf = (form: FormBody, name: string): number | string | undefined => {
  const value = given(form, name);
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : value;
};

/** A number as typed, decimals allowed (an attendance percentage); anything else is passed on as typed. */
export const decimalOf = (form: FormBody, name: string): number | string | undefined => {
  const value = given(form, name);
  return value !== undefined && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
};

/** A textarea of one item a line, as a list; no lines is left out, so the API names the list as missing. */
export const linesOf = (form: FormBody, name: string): string[] | undefined => {
  const lines = (given(form, name) ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.length > 0 ? lines : undefined;
};

/** A yes/no radio: `yes` or `no`, else left out. */
export const yesNoOf = (form: FormBody, name: string): boolean | undefined => {
  const value = given(form, name);
  return value === 'yes' ? true : value === 'no' ? false : undefined;
};

/** A single checkbox: ticked or not. */
export const tickedOf = (form: FormBody, name: string): boolean => given(form, name) !== undefined;

/** Checkboxes sharing a name: every ticked value (Express gives one as a string, several as a list). */
export const ticksOf = (form: FormBody, name: string): string[] => {
  const value = form[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
};

/** GOV.UK's date input (day, month, year boxes) as YYYY-MM-DD; a blank date is left out. */
export const dayOf = (form: FormBody, name: string): string | undefined => {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => given(form, `${name}-${part}`));
  if (!day && !month && !year) return undefined;
  return `${year ?? ''}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
};

/** The fields of a body that were given: a blank optional field is not sent at all. */
export const definedFields = (body: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));

/** A day (YYYY-MM-DD) as the date input's three boxes, to fill a form in. */
export const dateBoxes = (name: string, iso: string): Record<string, string> => {
  const [year, month, day] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
};

/** A form's fields without the session's CSRF token, which the API's bodies do not know. */
export function formValues(body: unknown): Record<string, unknown> {
  const { [CSRF_FIELD]: _csrf, ...fields } = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  return fields;
}

/** Checkboxes: none ticked sends nothing, one sends a string, several a list. */
export const ticked = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value !== '' ? [value] : [];

/** A text field as the API would take it: absent when left empty, so the domain names it as missing. */
export const filled = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** The revision a form was rendered at, so a change made since is a 409 (If-Match for forms). */
export const revisionOf = (value: unknown): bigint | undefined =>
  typeof value === 'string' && /^\d+$/.test(value) ? BigInt(value) : undefined;
