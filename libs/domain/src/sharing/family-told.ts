import { DomainError, requireText } from '../shared';

/**
 * 1d: whether the child and family are told of a share, and how, or why not. One check for
 * every act that records it (a sharing decision, a referral to social care).
 */
export function familyToldError(rulePrefix: string, field: string, familyTold: unknown): DomainError | undefined {
  const told = familyTold as { informed?: unknown; how?: unknown; reason?: unknown } | undefined;
  if (told?.informed === true) return requireText(told.how, `${field}.how`, `${rulePrefix}.family-told-how`);
  if (told?.informed === false)
    return requireText(told.reason, `${field}.reason`, `${rulePrefix}.not-telling-reason-required`);
  return new DomainError(
    `${rulePrefix}.family-told`,
    `${field} says whether the child and family are told, and how or why not`,
    'invalid',
    field,
  );
}
