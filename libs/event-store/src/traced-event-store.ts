import { currentTraceparent, inSpan } from '@app/platform';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from './event-store.port';

/**
 * The event store with a span round every append (ADR 022); each event carries the append's
 * trace context in its metadata, so the projection that applies it and the outbox message it
 * causes join the trace of the request. With tracing off nothing is added.
 */
export class TracedEventStore implements EventStore {
  constructor(private readonly inner: EventStore) {}

  append(
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const attributes = {
      'mast.event.types': [...new Set(events.map((e) => e.type))],
      'mast.event.count': events.length,
    };
    return inSpan('event-store append', { attributes }, () => {
      const traceparent = currentTraceparent();
      const traced = traceparent ? events.map((e) => ({ ...e, metadata: { ...e.metadata, traceparent } })) : events;
      return this.inner.append(streamId, traced, expectedRevision);
    });
  }

  readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId);
  }

  readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.inner.subscribe(options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
