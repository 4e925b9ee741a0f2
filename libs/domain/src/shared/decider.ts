/**
 * An aggregate is a decider: pure functions over its own events.
 * `decide` either returns the new events or a DomainError naming the broken rule;
 * it never throws for a rule violation, so callers cannot forget to handle it.
 */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

export interface Decider<Command, Event extends DomainEvent, State> {
  readonly initialState: State;
  decide(command: Command, state: State): Event[] | DomainError;
  evolve(state: State, event: Event): State;
}

/**
 * - `conflict`: the command is well-formed but illegal in the current state (HTTP 409).
 * - `invalid`: a value breaks a domain rule (HTTP 400); `field` names it.
 * - `forbidden`: the actor may not do this (HTTP 403).
 */
export type DomainErrorKind = 'conflict' | 'invalid' | 'forbidden';

export class DomainError {
  constructor(
    /** Stable machine-readable rule name, e.g. `consent.parental-required`. */
    readonly rule: string,
    readonly message: string,
    readonly kind: DomainErrorKind = 'conflict',
    readonly field?: string,
    /** More than a sentence, for the caller to act on (which consent is missing); sent with the refusal as it is. */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {}
}

export const isDomainError = (value: unknown): value is DomainError => value instanceof DomainError;

/** Folds a stream's history into state. */
export function replay<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState);
}
