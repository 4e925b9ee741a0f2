import { CSRF_FIELD } from '../page-sessions';

/** What a form sent, without the CSRF token the guard has already checked, and without fields left empty. */
export function formFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (name !== CSRF_FIELD && typeof value === 'string' && value.trim() !== '') fields[name] = value;
  }
  return fields;
}
