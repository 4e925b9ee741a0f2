import type { DomainErrorKind } from './decider';

/**
 * What a rule means to a caller: its kind (and so its HTTP status) and a sentence saying
 * what was refused. The rule strings stay values in the deciders; each feature lists its
 * own in its `errors.ts`, and a unit test finds every rule the domain can refuse by there.
 */
export interface RuleDescription {
  readonly kind: DomainErrorKind;
  readonly message: string;
}

export type ErrorCatalogue = Readonly<Record<string, RuleDescription>>;

/** The HTTP status each kind of refusal answers with. */
export const HTTP_STATUS_OF_KIND: Readonly<Record<DomainErrorKind, 400 | 403 | 409>> = {
  invalid: 400,
  forbidden: 403,
  conflict: 409,
};
