import { NO_STREAM, type JSONRecordedEvent, type RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { IdempotencyConflictError, WrongExpectedRevisionError, type EventToAppend } from '../event-store.port';
import { fromRecorded, isOurs, toEventData } from './envelope';
import { alreadyAppended, nativeExpectedRevision } from './eventstoredb-event-store';

// The pure half of the EventStoreDB adapter: how the port's envelope, revisions and
// idempotency map onto EventStoreDB's. The server half is the contract suite (EVENTSTORE_URL).

const actor = { userId: 'u-1', role: 'learning-mentor', agencyId: 'school-oakfield' };

const anEvent = (eventId: string, overrides: Partial<EventToAppend> = {}): EventToAppend => ({
  eventId,
  type: 'ChildRegistered',
  schemaVersion: 2,
  data: { name: 'Ada' },
  metadata: { actor, correlationId: 'corr-1' },
  occurredAt: new Date('2026-01-01T00:00:00Z'),
  ...overrides,
});

/** What EventStoreDB would hand back for an event this adapter wrote at `revision`. */
function storedAs(event: EventToAppend, streamId: string, revision: bigint): EsdbRecordedEvent {
  const written = toEventData(event);
  const recorded: JSONRecordedEvent = {
    streamId,
    id: written.id,
    isJson: true,
    revision,
    type: written.type,
    created: new Date(),
    data: written.data as Record<string, unknown>,
    metadata: written.metadata as Record<string, unknown>,
    position: { commit: 1000n + revision * 10n, prepare: 1000n + revision * 10n },
  };
  return recorded;
}

describe('EventStoreDB envelope', () => {
  it('keeps the whole envelope through a write and a read', () => {
    const sent = anEvent('a0f1c0de-0000-4000-8000-000000000001', {
      occurredAt: new Date('2026-09-01T09:30:00.000Z'),
      metadata: { actor, correlationId: 'corr-1', causationId: 'cause-1', childId: 'child-42' },
    });
    const read = fromRecorded(storedAs(sent, 'child-42', 3n));
    expect(read).toEqual({
      eventId: sent.eventId,
      streamId: 'child-42',
      revision: 3n,
      globalPosition: 1030n,
      checkpoint: { commit: 1030n, position: 1030n },
      type: 'ChildRegistered',
      schemaVersion: 2,
      data: { name: 'Ada' },
      metadata: sent.metadata,
      occurredAt: new Date('2026-09-01T09:30:00.000Z'),
    });
  });

  it('gives EventStoreDB its own correlation and causation keys too', () => {
    const written = toEventData(
      anEvent('a0f1c0de-0000-4000-8000-000000000002', { metadata: { actor, correlationId: 'c', causationId: 'k' } }),
    );
    expect(written.metadata).toMatchObject({ $correlationId: 'c', $causationId: 'k' });
  });

  it('leaves out optional metadata that was not given', () => {
    const read = fromRecorded(storedAs(anEvent('a0f1c0de-0000-4000-8000-000000000003'), 's', 0n));
    expect(Object.keys(read.metadata).sort()).toEqual(['actor', 'correlationId']);
    expect(read.occurredAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('does not take system or foreign events for platform events', () => {
    const ours = storedAs(anEvent('a0f1c0de-0000-4000-8000-000000000004'), 's', 0n);
    expect(isOurs(ours)).toBe(true);
    expect(isOurs({ ...ours, type: '$metadata' } as EsdbRecordedEvent)).toBe(false);
    expect(isOurs({ ...ours, metadata: { note: 'written by someone else' } } as EsdbRecordedEvent)).toBe(false);
    expect(() => fromRecorded({ ...ours, metadata: undefined } as EsdbRecordedEvent)).toThrow(/no envelope/);
  });
});

describe('EventStoreDB expected revisions', () => {
  const native = (expected: Parameters<typeof nativeExpectedRevision>[1], head: bigint | null) =>
    nativeExpectedRevision('s', expected, head);

  it('writes at the exact head it read, whatever the port asked for', () => {
    expect(native('any', null)).toBe(NO_STREAM);
    expect(native('any', 4n)).toBe(4n);
    expect(native('no-stream', null)).toBe(NO_STREAM);
    expect(native('exists', 0n)).toBe(0n);
    expect(native(7n, 7n)).toBe(7n);
  });

  it('refuses a stale expectation with the actual revision', () => {
    const refusal = (expected: Parameters<typeof nativeExpectedRevision>[1], head: bigint | null) => {
      try {
        native(expected, head);
      } catch (error) {
        return error as WrongExpectedRevisionError;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal('no-stream', 0n)).toMatchObject({ expected: 'no-stream', actual: 0n });
    expect(refusal('exists', null)).toMatchObject({ expected: 'exists', actual: 'no-stream' });
    expect(refusal(0n, 1n)).toMatchObject({ expected: 0n, actual: 1n });
    expect(refusal(0n, null)).toBeInstanceOf(WrongExpectedRevisionError);
  });
});

describe('EventStoreDB idempotent re-sends', () => {
  const a = anEvent('a0f1c0de-0000-4000-8000-00000000000a');
  const b = anEvent('a0f1c0de-0000-4000-8000-00000000000b');
  const c = anEvent('a0f1c0de-0000-4000-8000-00000000000c');
  const stream = [storedAs(a, 's', 0n), storedAs(b, 's', 1n), storedAs(c, 's', 2n)];

  it('answers a re-sent batch with the events stored earlier and the current head', () => {
    const result = alreadyAppended('s', stream, [a, b]);
    expect(result?.events.map((e) => e.revision)).toEqual([0n, 1n]);
    expect(result?.nextRevision).toBe(2n);
  });

  it('recognises a re-sent id whatever its case (EventStoreDB answers in lower case)', () => {
    const upper = { ...a, eventId: a.eventId.toUpperCase() };
    expect(alreadyAppended('s', stream, [upper, b])?.events.map((e) => e.eventId)).toEqual([a.eventId, b.eventId]);
    expect(() => alreadyAppended('s', stream, [upper, anEvent('a0f1c0de-0000-4000-8000-0000000000ff')])).toThrow(
      IdempotencyConflictError,
    );
  });

  it('finds nothing for new ids', () => {
    expect(alreadyAppended('s', stream, [anEvent('a0f1c0de-0000-4000-8000-0000000000ff')])).toBeNull();
    expect(alreadyAppended('s', [], [a])).toBeNull();
  });

  it('refuses a batch that only partly repeats, or repeats out of order', () => {
    expect(() => alreadyAppended('s', stream, [a, anEvent('a0f1c0de-0000-4000-8000-0000000000ff')])).toThrow(
      IdempotencyConflictError,
    );
    expect(() => alreadyAppended('s', stream, [b, a])).toThrow(IdempotencyConflictError);
    expect(() => alreadyAppended('s', stream, [a, c])).toThrow(IdempotencyConflictError);
  });
});
