/// <reference types="jest" />
// Testing faces are built with the benchmarks too, which use their fixtures but never these suites.
import { Decider, DomainError, DomainEvent, isDomainError, replay } from '../shared/decider';

/**
 * given(events).when(command).then(events) / .thenError(rule): the shape every
 * decider test takes. Lives beside the domain because it is pure too.
 */
export function given<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, history: readonly E[]) {
  return {
    when(command: C) {
      const outcome = decider.decide(command, replay(decider, history));
      return {
        then(expected: readonly E[]): E[] {
          if (isDomainError(outcome)) throw new Error(`Expected events, got error ${outcome.rule}: ${outcome.message}`);
          expect(outcome).toEqual(expected);
          return outcome;
        },
        thenError(rule: string): DomainError {
          if (!isDomainError(outcome)) throw new Error(`Expected error ${rule}, got events ${JSON.stringify(outcome)}`);
          expect(outcome.rule).toBe(rule);
          return outcome;
        },
        /** For assertions on parts of the events (generated ids, computed fields). */
        events(): E[] {
          if (isDomainError(outcome)) throw new Error(`Expected events, got error ${outcome.rule}: ${outcome.message}`);
          return outcome;
        },
      };
    },
  };
}
