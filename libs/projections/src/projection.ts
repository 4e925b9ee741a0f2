import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@app/event-store';

/**
 * A named read model fed from the global log. The runtime calls `apply` inside a
 * database transaction that also advances this projection's checkpoint, so an event
 * is applied exactly once even across crashes. `apply` must only write through `manager`.
 */
export interface Projection {
  readonly name: string;
  /** Event types this projection reads; others only advance its checkpoint. */
  readonly eventTypes: readonly string[];
  apply(event: RecordedEvent, manager: EntityManager): Promise<void>;
  /**
   * The same effect as `apply` on each of `events` (the projection's own, in log order) in
   * turn, in a few set-based statements: what a rebuild uses, when given.
   */
  applyBatch?(events: readonly RecordedEvent[], manager: EntityManager): Promise<void>;
  /**
   * The `read_models` tables this projection alone writes. A rebuild replays the log into
   * shadow copies of them and swaps those in (runtime/shadow-build.ts).
   */
  readonly tables: readonly string[];
  /**
   * Every event it reads is about one child (its `childId`) and changes only that child's
   * rows, so its work may be split by child between projector processes (runtime/segments.ts).
   * Lists keyed by school, panel or family are not: they stay whole.
   */
  readonly perChild?: true;
}
