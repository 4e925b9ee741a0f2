/** A field of a form built from a table (views/partials/form-fields.njk); `id` is the API's field name. */
export interface FormField {
  readonly id: string;
  readonly label: string;
  readonly kind: 'text' | 'textarea' | 'date' | 'select' | 'radios' | 'checkbox';
  readonly hint?: string;
  readonly options?: ReadonlyArray<{ readonly value: string; readonly text: string }>;
  /** A checkbox's own words; ticked is `true`, unticked `false`. */
  readonly checkboxText?: string;
  /** Left out of the body when empty, so the API's DTO judges it as absent. */
  readonly optional?: boolean;
  /** Shown when the form opens (today's date, for a day field). */
  readonly value?: string;
}

/**
 * The API body a form's strings stand for: a checkbox is a boolean, an empty optional field
 * is absent, everything else is sent as typed, for the API's DTO to judge. Only the table's
 * fields go: the CSRF token and anything else the browser sent stay out.
 */
export function formBody(fields: readonly FormField[], form: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = form[field.id];
    if (field.kind === 'checkbox') body[field.id] = value === 'yes';
    else if (typeof value === 'string' && value.trim() !== '') body[field.id] = value.trim();
    else if (!field.optional) body[field.id] = typeof value === 'string' ? value : undefined;
  }
  return body;
}

/** Options from a vocabulary, its words made readable. */
export const optionsOf = (values: readonly string[]): Array<{ value: string; text: string }> =>
  values.map((value) => ({ value, text: value.charAt(0).toUpperCase() + value.slice(1).replace(/-/g, ' ') }));
