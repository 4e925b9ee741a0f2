import { CSRF_FIELD } from './page-sessions';

/** A form's fields without the session's CSRF token, which the API's bodies do not know. */
export function formValues(body: unknown): Record<string, unknown> {
  const { [CSRF_FIELD]: _csrf, ...fields } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return fields;
}

/** Checkboxes: none ticked sends nothing, one sends a string, several a list. */
export const ticked = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value !== '' ? [value] : []);

/** A text field as the API would take it: absent when left empty, so the domain names it as missing. */
export const filled = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The revision a form was rendered at, so a change made since is a 409 (If-Match for forms). */
export const revisionOf = (value: unknown): bigint | undefined => (typeof value === 'string' && /^\d+$/.test(value) ? BigInt(value) : undefined);
