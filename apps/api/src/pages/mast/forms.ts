import { definedFields, type FormBody, textOf } from '../form-values';
import { CSRF_FIELD } from '../page-sessions';

/** Every field a form sent, as text, without the CSRF token the guard has already checked; blank fields left out for the API to name. */
export function formFields(body: unknown): Record<string, string> {
  const form = (body ?? {}) as FormBody;
  return definedFields(
    Object.fromEntries(
      Object.keys(form)
        .filter((name) => name !== CSRF_FIELD)
        .map((name) => [name, textOf(form, name)]),
    ),
  ) as Record<string, string>;
}
