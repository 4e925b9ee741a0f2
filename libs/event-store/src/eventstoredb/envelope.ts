import {
  jsonEvent,
  type EventData,
  type Position,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type { Actor } from '@app/domain';
import type { Checkpoint, EventMetadata, EventToAppend, RecordedEvent } from '../event-store.port';

/**
 * What this adapter writes into an EventStoreDB event's metadata: the port's envelope, plus
 * `$correlationId` / `$causationId`, which EventStoreDB's own `$by_correlation_id` projection reads.
 */
export interface StoredEnvelope {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly childId?: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly $correlationId: string;
  readonly $causationId?: string;
}

export function toEventData(event: EventToAppend): EventData {
  const { actor, correlationId, causationId, childId } = event.metadata;
  const envelope: StoredEnvelope = {
    actor,
    correlationId,
    ...(causationId !== undefined && { causationId, $causationId: causationId }),
    ...(childId !== undefined && { childId }),
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt.toISOString(),
    $correlationId: correlationId,
  };
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data,
    metadata: envelope as unknown as Record<string, unknown>,
  });
}

/** Events written through this port carry the envelope; anything else on the server is not ours. */
export function isOurs(event: EsdbRecordedEvent): boolean {
  const metadata = event.metadata as Partial<StoredEnvelope> | undefined;
  return (
    event.isJson &&
    !event.type.startsWith('$') &&
    typeof metadata === 'object' &&
    metadata !== null &&
    typeof metadata.schemaVersion === 'number' &&
    typeof metadata.correlationId === 'string' &&
    typeof metadata.occurredAt === 'string' &&
    typeof metadata.actor === 'object'
  );
}

/** EventStoreDB's (commit, prepare) is the port's (commit, position): the same total order. */
export const toCheckpoint = (position: Position): Checkpoint => ({
  commit: position.commit,
  position: position.prepare,
});
export const toPosition = (checkpoint: Checkpoint): Position => ({
  commit: checkpoint.commit,
  prepare: checkpoint.position,
});

export class NotAPlatformEventError extends Error {
  constructor(
    readonly streamId: string,
    readonly revision: bigint,
  ) {
    super(`Stream ${streamId}@${revision} holds an event not written through the platform's event store (no envelope)`);
    this.name = 'NotAPlatformEventError';
  }
}

export function fromRecorded(event: EsdbRecordedEvent): RecordedEvent {
  if (!isOurs(event)) throw new NotAPlatformEventError(event.streamId, event.revision);
  if (!event.position) {
    // Stream reads carry positions only from EventStoreDB 22.6 on; the port needs them.
    throw new Error(
      `EventStoreDB returned ${event.streamId}@${event.revision} without a log position: the server must be 22.6 or later`,
    );
  }
  const stored = event.metadata as unknown as StoredEnvelope;
  const metadata: EventMetadata = {
    actor: stored.actor,
    correlationId: stored.correlationId,
    ...(stored.causationId !== undefined && { causationId: stored.causationId }),
    ...(stored.childId !== undefined && { childId: stored.childId }),
  };
  return {
    eventId: event.id,
    streamId: event.streamId,
    revision: event.revision,
    globalPosition: event.position.commit,
    checkpoint: toCheckpoint(event.position),
    type: event.type,
    schemaVersion: stored.schemaVersion,
    data: event.data as Record<string, unknown>,
    metadata,
    occurredAt: new Date(stored.occurredAt),
  };
}
