import type { EventMetadata, RecordedEvent } from '../event-store.port';

/**
 * The columns every read selects, in the shape pg returns them (bigints and xid8 as text).
 * The xid8 comes back under another name: an alias named `transaction_id` would make
 * `ORDER BY transaction_id` sort the text, putting transaction 1000 before 999.
 */
export const EVENT_COLUMNS =
  'global_position, transaction_id::text AS commit_id, stream_id, revision, event_id, type, schema_version, data, metadata, occurred_at';

export interface EventRow {
  global_position: string;
  commit_id: string;
  stream_id: string;
  revision: string;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  occurred_at: Date;
}

export function fromRow(row: EventRow): RecordedEvent {
  const globalPosition = BigInt(row.global_position);
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    globalPosition,
    checkpoint: { commit: BigInt(row.commit_id), position: globalPosition },
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
  };
}
