import {
  EventStoreDBClient,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import {
  IdempotencyConflictError,
  WrongExpectedRevisionError,
  compareCheckpoints,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { catchUpSubscription } from './catch-up-subscription';
import { fromRecorded, isOurs, toCheckpoint, toEventData, toPosition } from './envelope';

/** How often `any` / `exists` appends re-read and retry when a concurrent writer moves the stream. */
const MAX_ATTEMPTS = 10;

/**
 * The event store port on EventStoreDB (ADR 006). Revisions are 0-based on both sides and
 * map one to one; a checkpoint is EventStoreDB's (commit, prepare) position.
 *
 * EventStoreDB only promises idempotent re-sends at the expected revision they were first
 * written with (and only best-effort for `any`). The port promises more: a re-send is
 * answered with the earlier result whatever revision it names. So every append first reads
 * the stream, answers re-sends from it, and writes at the exact revision it saw; a
 * concurrent writer then fails the write instead of slipping in between.
 * There is no shared transaction with the platform's PostgreSQL: no append hooks here.
 */
export class EventStoreDBEventStore implements EventStore {
  private readonly client: EventStoreDBClient;

  constructor(connectionString: string) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError(`Stream ${streamId}: an append needs at least one event`);
    for (let attempt = 1; ; attempt++) {
      const stored = await this.readRecorded(streamId);
      const earlier = alreadyAppended(streamId, stored, events);
      if (earlier) return earlier;
      const head = stored.length > 0 ? stored[stored.length - 1].revision : null;
      const native = nativeExpectedRevision(streamId, expectedRevision, head);
      try {
        const result = await this.client.appendToStream(streamId, events.map(toEventData), {
          expectedRevision: native,
        });
        return await this.readBack(streamId, events, result.nextExpectedRevision);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const mayRetry = (expectedRevision === 'any' || expectedRevision === 'exists') && attempt < MAX_ATTEMPTS;
        if (mayRetry) continue;
        // A concurrent re-send of these very ids may be what moved the stream.
        const resent = alreadyAppended(streamId, await this.readRecorded(streamId), events);
        if (resent) return resent;
        throw new WrongExpectedRevisionError(
          streamId,
          expectedRevision,
          error.actualVersion === NO_STREAM ? 'no-stream' : error.actualVersion,
        );
      }
    }
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return (await this.readRecorded(streamId)).map(fromRecorded);
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    // readAll starts *at* its position (inclusive) and cannot filter on the server, so read
    // in chunks, dropping what is at or before the floor, system events and foreign events.
    let floor = after;
    let from: ReadPosition = after ? toPosition(after) : START;
    while (found.length < limit) {
      const wanted = limit - found.length + 1;
      let read = 0;
      const chunk: AsyncIterable<AllStreamResolvedEvent> = this.client.readAll({
        fromPosition: from,
        maxCount: wanted,
      });
      for await (const resolved of chunk) {
        read++;
        const event = resolved.event;
        if (!event) continue;
        const checkpoint = toCheckpoint(event.position);
        if (floor && compareCheckpoints(checkpoint, floor) <= 0) continue;
        floor = checkpoint;
        from = event.position;
        if (isOurs(event) && found.length < limit) found.push(fromRecorded(event));
      }
      if (read < wanted) break; // the end of the log
    }
    return found;
  }

  subscribe(options: SubscribeOptions): Subscription {
    return catchUpSubscription(this.client, options);
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** The stream's events in revision order; an unknown stream reads as []. */
  private async readRecorded(streamId: string, fromRevision?: bigint, maxCount?: number): Promise<EsdbRecordedEvent[]> {
    const events: EsdbRecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: fromRevision ?? START,
        maxCount,
      })) {
        if (resolved.event) events.push(resolved.event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /** The append result gives one position for the whole write; each event's own comes from reading it back. */
  private async readBack(
    streamId: string,
    events: readonly EventToAppend[],
    lastRevision: bigint,
  ): Promise<AppendResult> {
    const first = lastRevision - BigInt(events.length) + 1n;
    const written = (await this.readRecorded(streamId, first, events.length)).map(fromRecorded);
    const sameIds =
      written.length === events.length && written.every((e, i) => sameId(e.eventId) === sameId(events[i].eventId));
    if (!sameIds)
      throw new IdempotencyConflictError(
        streamId,
        written.map((e) => e.eventId),
      );
    return { nextRevision: lastRevision, events: written };
  }
}

/** EventStoreDB hands UUIDs back in lower case, whatever case they were sent in. */
const sameId = (uuid: string) => uuid.toLowerCase();

/**
 * The earlier result when every id is already in the stream, in this order and contiguous;
 * null when none is. Anything in between is a client bug, refused as the PostgreSQL adapter does.
 */
export function alreadyAppended(
  streamId: string,
  stored: readonly EsdbRecordedEvent[],
  events: readonly EventToAppend[],
): AppendResult | null {
  const ids = events.map((e) => sameId(e.eventId));
  const wanted = new Set(ids);
  const matches = stored.filter((e) => wanted.has(sameId(e.id)));
  if (matches.length === 0) return null;
  const sameBatch =
    matches.length === events.length &&
    matches.every((e, i) => sameId(e.id) === ids[i] && (i === 0 || e.revision === matches[i - 1].revision + 1n));
  if (!sameBatch)
    throw new IdempotencyConflictError(
      streamId,
      matches.map((e) => e.id),
    );
  return { nextRevision: stored[stored.length - 1].revision, events: matches.map(fromRecorded) };
}

/**
 * The exact revision to write at, checked against the head the append just read, so a
 * stale expectation fails without a round trip. `any` and `exists` become the head itself:
 * EventStoreDB then guarantees a lost race fails rather than interleaves.
 */
export function nativeExpectedRevision(
  streamId: string,
  expected: ExpectedRevision,
  head: bigint | null,
): AppendExpectedRevision {
  const actual = head ?? 'no-stream';
  const refuse = () => new WrongExpectedRevisionError(streamId, expected, actual);
  switch (expected) {
    case 'any':
      return head ?? NO_STREAM;
    case 'no-stream':
      if (head !== null) throw refuse();
      return NO_STREAM;
    case 'exists':
      if (head === null) throw refuse();
      return head;
    default:
      if (head !== expected) throw refuse();
      return expected;
  }
}
