import type { Actor } from '@app/domain';

/**
 * Stream revisions are 0-based: the first event of a stream has revision 0n.
 * `no-stream`: the stream must not exist; `exists`: it must have at least one event;
 * `any`: no check; a bigint: the revision of the stream's last event.
 */
export type ExpectedRevision = 'no-stream' | 'exists' | 'any' | bigint;

/**
 * A point in the global log, totally ordered by (commit, position).
 * PostgreSQL: commit = the writing transaction's xid8, position = global_position.
 * EventStoreDB: commit = commit position, position = prepare position.
 * Checkpoints store the pair: a position alone loses events under contention.
 */
export interface Checkpoint {
  readonly commit: bigint;
  readonly position: bigint;
}

export const compareCheckpoints = (a: Checkpoint, b: Checkpoint): number =>
  a.commit === b.commit ? Number(a.position - b.position) : a.commit < b.commit ? -1 : 1;

export interface EventMetadata {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string;
  /** The child this event is about; it selects the data key for personal fields. */
  readonly childId?: string;
  /** W3C trace context of the append that wrote it, when tracing is on (ADR 022): the projections and the outbox join that trace. */
  readonly traceparent?: string;
}

export interface EventToAppend {
  /** Client-chosen id; re-sending the same ids makes the append idempotent. */
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
  /** When it happened on the platform clock (ADR 009): the writer says, the store never reads a clock. */
  readonly occurredAt: Date;
}

export interface RecordedEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly globalPosition: bigint;
  readonly checkpoint: Checkpoint;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
  readonly occurredAt: Date;
  /** Personal fields whose data key has been deleted; their values read as null. */
  readonly erasedFields?: readonly string[];
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  readonly nextRevision: bigint;
  readonly events: readonly RecordedEvent[];
}

export interface ReadAllOptions {
  /** Exclusive lower bound; null reads from the start. */
  readonly after: Checkpoint | null;
  readonly limit: number;
  /**
   * The event types whose data the reader will use. A store that opens sealed fields opens
   * only these; the others come as stored (sealed, not upcast), for their position alone.
   * Absent: every event is opened.
   */
  readonly typesRead?: ReadonlySet<string>;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface SubscribeOptions {
  readonly after: Checkpoint | null;
  readonly batchSize?: number;
  /** As for `readAll`: the types whose data the subscriber uses; absent, all. */
  readonly typesRead?: ReadonlySet<string>;
  /** Called with each batch in log order; the next batch waits for it to resolve. */
  readonly onEvents: (events: readonly RecordedEvent[]) => Promise<void>;
  readonly onError?: (error: unknown) => void;
}

/**
 * Extra work done atomically with an append, where the store supports it
 * (PostgreSQL: the transactional outbox). `client` is the adapter's transaction handle.
 */
export type AppendHook = ((events: readonly RecordedEvent[], transaction: unknown) => Promise<void>) & {
  /**
   * The event types the hook acts on, when it knows them in advance: an append of none of
   * them runs without it (and so, on PostgreSQL, in one round trip). Absent: every append.
   */
  readonly eventTypes?: ReadonlySet<string>;
};

export interface EventStore {
  append(streamId: string, events: readonly EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream in revision order; an unknown stream reads as []. */
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /** Events of every stream after a checkpoint, in log order. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch up from a checkpoint, then follow live appends. */
  subscribe(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no-stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, but it is at ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Re-sent event ids that only partly match what was stored: a client bug, never silently merged. */
export class IdempotencyConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`Stream ${streamId}: event ids ${eventIds.join(', ')} were already appended with a different batch`);
    this.name = 'IdempotencyConflictError';
  }
}

/** An event whose payload breaks its catalogued shape: never appended, since no read model could apply it. */
export class EventRefusedError extends Error {
  constructor(
    readonly eventType: string,
    readonly rule: string,
    readonly field: string | undefined,
    readonly reason: string,
  ) {
    super(`${eventType} refused: ${reason}`);
    this.name = 'EventRefusedError';
  }
}
