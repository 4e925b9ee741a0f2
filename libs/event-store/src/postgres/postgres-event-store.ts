import type { Pool, PoolClient } from 'pg';
import {
  IdempotencyConflictError,
  WrongExpectedRevisionError,
  type AppendHook,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { AppendNotifications } from './append-notifications';
import { fromRow, EVENT_COLUMNS, type EventRow } from './event-row';
import { pollingSubscription } from './polling-subscription';

export interface PostgresEventStoreOptions {
  readonly pool: Pool;
  /** Run inside every append transaction, after the events are written (the outbox). */
  readonly appendHooks?: readonly AppendHook[];
  /** How often a subscription looks for new events when no notification woke it. */
  readonly pollIntervalMs?: number;
}

const UNIQUE_VIOLATION = '23505';

/**
 * The default event store. Global order is (transaction id, position), read only below the
 * oldest running transaction, so a reader never skips an event committed late (ADR 002).
 */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly hooks: readonly AppendHook[];
  private readonly pollIntervalMs: number;
  private readonly notifications: AppendNotifications;

  constructor(options: PostgresEventStoreOptions) {
    this.pool = options.pool;
    this.hooks = options.appendHooks ?? [];
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.notifications = new AppendNotifications(options.pool);
  }

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError(`Stream ${streamId}: an append needs at least one event`);
    try {
      return await this.appendOnce(streamId, events, expectedRevision);
    } catch (error) {
      // Checked only when an append fails, to keep the common path short: a re-send of ids
      // already stored (lost reply, client retry) is answered with the earlier result.
      const maybeResent =
        isUniqueViolation(error, 'events_event_id_unique') || error instanceof WrongExpectedRevisionError;
      if (maybeResent) {
        const earlier = await this.alreadyAppended(streamId, events);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  /**
   * One call of event_store.append_to_stream (head, check, insert), then, once committed, an
   * announcement to subscribers (append-notifications.ts). Alone the call is its own
   * transaction: one round trip. With hooks that act on these events (the outbox), it runs
   * inside a transaction with them.
   */
  private async appendOnce(
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const result = await this.commitAppend(streamId, events, expectedRevision);
    this.notifications.announce(result.events[0].checkpoint.commit);
    return result;
  }

  private async commitAppend(
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const hooks = this.hooks.filter((hook) => !hook.eventTypes || events.some((e) => hook.eventTypes!.has(e.type)));
    if (hooks.length === 0) return toResult(await appendToStream(this.pool, streamId, events, expectedRevision));
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = toResult(await appendToStream(client, streamId, events, expectedRevision));
      for (const hook of hooks) await hook(result.events, client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The earlier result when every id was already appended to this stream in this order; null when none was. */
  private async alreadyAppended(streamId: string, events: readonly EventToAppend[]): Promise<AppendResult | null> {
    const db = this.pool;
    const ids = events.map((e) => e.eventId);
    const { rows } = await db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE event_id = ANY($1::uuid[]) ORDER BY revision`,
      [ids],
    );
    if (rows.length === 0) return null;
    const stored = rows.map(fromRow);
    const sameBatch =
      stored.length === ids.length &&
      stored.every(
        (e, i) =>
          e.streamId === streamId && e.eventId === ids[i] && (i === 0 || e.revision === stored[i - 1].revision + 1n),
      );
    if (!sameBatch)
      throw new IdempotencyConflictError(
        streamId,
        stored.map((e) => e.eventId),
      );
    const { rows: head } = await db.query<{ revision: string }>(
      'SELECT revision FROM event_store.streams WHERE stream_id = $1',
      [streamId],
    );
    return { nextRevision: BigInt(head[0].revision), events: stored };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE stream_id = $1 ORDER BY revision`,
      [streamId],
    );
    return rows.map(fromRow);
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<RecordedEvent[]> {
    // Only transactions older than every running one are complete: nothing can still appear among them.
    const visible = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';
    const { rows } = after
      ? await this.pool.query<EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM event_store.events
            WHERE ${visible} AND (transaction_id, global_position) > ($1::xid8, $2::bigint)
            ORDER BY transaction_id, global_position LIMIT $3`,
          [after.commit.toString(), after.position.toString(), limit],
        )
      : await this.pool.query<EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE ${visible}
            ORDER BY transaction_id, global_position LIMIT $1`,
          [limit],
        );
    return rows.map(fromRow);
  }

  subscribe(options: SubscribeOptions): Subscription {
    return pollingSubscription(this, this.notifications, this.pollIntervalMs, options);
  }

  /** Releases the notification listener; the pool belongs to whoever created it. */
  async close(): Promise<void> {
    await this.notifications.close();
  }
}

const WRONG_EXPECTED_REVISION = 'ES409';

/** The recorded batch, in revision order; a refused expectation becomes the port's error, naming the stream's revision. */
async function appendToStream(
  db: Pick<Pool, 'query'> | PoolClient,
  streamId: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
): Promise<RecordedEvent[]> {
  try {
    const { rows } = await db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM event_store.append_to_stream($1, $2, $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[], $8::text[], $9::timestamptz[])`,
      [
        streamId,
        expected.toString(),
        events.map((e) => e.eventId),
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
        events.map((e) => e.metadata.childId ?? null),
        events.map((e) => e.occurredAt.toISOString()),
      ],
    );
    return rows.map(fromRow).sort((a, b) => Number(a.revision - b.revision));
  } catch (error) {
    const pgError = error as { code?: string; detail?: string };
    if (pgError?.code !== WRONG_EXPECTED_REVISION) throw error;
    const current = BigInt(pgError.detail ?? '-1');
    throw new WrongExpectedRevisionError(streamId, expected, current >= 0n ? current : 'no-stream');
  }
}

const toResult = (events: RecordedEvent[]): AppendResult => ({
  nextRevision: events[events.length - 1].revision,
  events,
});

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError?.code === UNIQUE_VIOLATION && pgError.constraint === constraint;
}
