/// <reference types="jest" />
// Testing faces are built with the benchmarks too, which use their fixtures but never these suites.
import { randomUUID } from 'node:crypto';
import {
  IdempotencyConflictError,
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from '../event-store.port';
import { fixtureInstant } from './fixture-instant';

export interface OpenedStore {
  readonly store: EventStore;
  close(): Promise<void>;
}

const actor = { userId: 'contract-test', role: 'admin', agencyId: 'mast' } as const;

export function anEvent(overrides: Partial<EventToAppend> = {}): EventToAppend {
  return {
    eventId: randomUUID(),
    type: 'ContractTested',
    schemaVersion: 1,
    data: { note: 'a fact' },
    metadata: { actor, correlationId: randomUUID() },
    occurredAt: fixtureInstant,
    ...overrides,
  };
}

/** A stream name no other test (or earlier run against a shared server) has used. */
export const freshStream = (label: string) => `contract-${label}-${randomUUID()}`;

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * What every EventStore adapter must do, whatever the server behind it.
 * Tests use fresh stream names, so a shared server with other data is fine.
 */
export function describeEventStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name} event store contract`, () => {
    let opened: OpenedStore;
    let store: EventStore;

    beforeAll(async () => {
      opened = await open();
      store = opened.store;
    });
    afterAll(async () => {
      await opened?.close();
    });

    describe('append with an expected revision', () => {
      it('starts a new stream at revision 0 when no stream is expected', async () => {
        const stream = freshStream('new');
        const result = await store.append(stream, [anEvent(), anEvent()], 'no-stream');
        expect(result.nextRevision).toBe(1n);
        expect(result.events.map((e) => e.revision)).toEqual([0n, 1n]);
      });

      it('refuses no-stream when the stream exists', async () => {
        const stream = freshStream('exists');
        await store.append(stream, [anEvent()], 'no-stream');
        await expect(store.append(stream, [anEvent()], 'no-stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      });

      it('appends at the exact revision and refuses a stale one, naming the actual revision', async () => {
        const stream = freshStream('exact');
        await store.append(stream, [anEvent()], 'no-stream');
        await store.append(stream, [anEvent()], 0n);
        const stale = await store.append(stream, [anEvent()], 0n).catch((e: unknown) => e);
        expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
        expect((stale as WrongExpectedRevisionError).actual).toBe(1n);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses exists for a missing stream and accepts any either way', async () => {
        const stream = freshStream('any');
        await expect(store.append(stream, [anEvent()], 'exists')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await store.append(stream, [anEvent()], 'any');
        await store.append(stream, [anEvent()], 'any');
        await store.append(stream, [anEvent()], 'exists');
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('lets exactly one of two concurrent writers at the same revision win', async () => {
        const stream = freshStream('race');
        await store.append(stream, [anEvent()], 'no-stream');
        const outcomes = await Promise.allSettled([
          store.append(stream, [anEvent({ data: { writer: 'a' } })], 0n),
          store.append(stream, [anEvent({ data: { writer: 'b' } })], 0n),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
        expect(rejected.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('idempotent re-sends', () => {
      it('does not duplicate events re-sent with the same ids', async () => {
        const stream = freshStream('resend');
        const batch = [anEvent(), anEvent()];
        const first = await store.append(stream, batch, 'no-stream');
        const again = await store.append(stream, batch, 'no-stream');
        expect(again.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses a batch that only partly repeats earlier ids', async () => {
        const stream = freshStream('partial');
        const earlier = anEvent();
        await store.append(stream, [earlier], 'no-stream');
        await expect(store.append(stream, [earlier, anEvent()], 'any')).rejects.toBeInstanceOf(
          IdempotencyConflictError,
        );
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('reading', () => {
      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream(freshStream('unknown'))).toEqual([]);
      });

      it('keeps the whole envelope: ids, type, schema version, actor, correlation, causation, child, occurred-at', async () => {
        const stream = freshStream('envelope');
        const occurredAt = new Date('2026-09-01T09:30:00.000Z');
        const sent = anEvent({
          type: 'EnvelopeKept',
          schemaVersion: 3,
          data: { nested: { list: [1, 2] }, text: 'ß' },
          occurredAt,
          metadata: { actor, correlationId: randomUUID(), causationId: randomUUID(), childId: 'child-42' },
        });
        await store.append(stream, [sent], 'no-stream');
        const [read] = await store.readStream(stream);
        expect(read).toMatchObject({
          eventId: sent.eventId,
          streamId: stream,
          revision: 0n,
          type: 'EnvelopeKept',
          schemaVersion: 3,
          data: sent.data,
          metadata: sent.metadata,
        });
        expect(read.occurredAt.toISOString()).toBe(occurredAt.toISOString());
        expect(typeof read.globalPosition).toBe('bigint');
      });

      it('reads all after a checkpoint, in log order, a page at a time', async () => {
        const stream = freshStream('all');
        const [first] = (await store.append(stream, [anEvent()], 'no-stream')).events;
        await store.append(stream, [anEvent(), anEvent()], 0n);
        const other = freshStream('all-other');
        await store.append(other, [anEvent()], 'no-stream');

        const page = await readAllOf(store, first, [stream, other], 10);
        expect(page.map((e) => `${e.streamId}@${e.revision}`)).toEqual([`${stream}@1`, `${stream}@2`, `${other}@0`]);
        const firstPage = await store.readAll({ after: first.checkpoint, limit: 1 });
        expect(firstPage).toHaveLength(1);
      });
    });

    describe('subscriptions', () => {
      it('catches up from a checkpoint, then follows live appends, in order', async () => {
        const stream = freshStream('live');
        const [start] = (await store.append(stream, [anEvent()], 'no-stream')).events;
        await store.append(stream, [anEvent()], 0n);
        const seen: RecordedEvent[] = [];
        const subscription = store.subscribe({
          after: start.checkpoint,
          onEvents: async (events) => {
            seen.push(...events.filter((e) => e.streamId === stream));
          },
        });
        try {
          await waitUntil(() => seen.length === 1, 10_000, 'catch-up');
          await store.append(stream, [anEvent(), anEvent()], 1n);
          await waitUntil(() => seen.length === 3, 10_000, 'live events');
          expect(seen.map((e) => e.revision)).toEqual([1n, 2n, 3n]);
        } finally {
          await subscription.stop();
        }
      });

      it('delivers nothing more after stop', async () => {
        const stream = freshStream('stopped');
        const [start] = (await store.append(stream, [anEvent()], 'no-stream')).events;
        let delivered = 0;
        const subscription = store.subscribe({
          after: start.checkpoint,
          onEvents: async (events) => {
            delivered += events.filter((e) => e.streamId === stream).length;
          },
        });
        await subscription.stop();
        await store.append(stream, [anEvent()], 0n);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(delivered).toBe(0);
      });
    });
  });
}

/** Reads all after `from`, keeping only the given streams (a shared server holds others too). */
async function readAllOf(
  store: EventStore,
  from: RecordedEvent,
  streams: string[],
  limit: number,
): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  let after = from.checkpoint;
  for (let page = 0; page < 100; page++) {
    const batch = await store.readAll({ after, limit });
    if (batch.length === 0) break;
    found.push(...batch.filter((e) => streams.includes(e.streamId)));
    after = batch[batch.length - 1].checkpoint;
  }
  return found;
}
