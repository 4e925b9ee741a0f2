/**
 * Golden rule 5: protect the identities of people who could be harmed. Every string in
 * what is sent has each listed name replaced, whole words, any case.
 */
export function redact(value: unknown, names: readonly string[]): unknown {
  if (typeof value === 'string') {
    return names
      .filter((n) => n.trim() !== '')
      .reduce(
        (text, name) =>
          text.replace(new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi'), '[redacted]'),
        value,
      );
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, names));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, names)]));
  return value;
}
