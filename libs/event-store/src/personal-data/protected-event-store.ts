import type { EventCatalogue } from '@app/domain';
import {
  type AppendResult,
  EventRefusedError,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import type { ChildDataKeys } from './child-data-keys';
import { isSealed, open, seal } from './sealed-value';

const contextOf = (eventId: string, field: string) => `${eventId}:${field}`;

/**
 * Wraps any event store: seals the personal fields the catalogue names with the child's
 * data key on the way in, opens them on the way out (fields whose key was erased read as
 * null and are listed in `erasedFields`), and upcasts every event to its current schema.
 * Every writer appends through it, so it is also where a payload that breaks its
 * catalogued shape is refused, before anything is stored.
 */
export class ProtectedEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly keys: ChildDataKeys,
    private readonly catalogue: EventCatalogue,
  ) {}

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    refuseUnfit(this.catalogue, events);
    const sealed = await Promise.all(events.map((event) => this.sealEvent(event)));
    const result = await this.inner.append(streamId, sealed, expectedRevision);
    // What was just written is what the caller gave: no key to look up, nothing to decrypt.
    // A re-send answered with the earlier events (other IVs) is opened from the store.
    const written =
      result.events.length === sealed.length &&
      result.events.every((recorded, i) => sealedAlike(recorded.data, sealed[i].data));
    return {
      nextRevision: result.nextRevision,
      events: written
        ? result.events.map((recorded, i) => this.opened(recorded, events[i].data))
        : await this.reveal(result.events),
    };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.reveal(await this.inner.readStream(streamId));
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.reveal(await this.inner.readAll(options), options.typesRead);
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.inner.subscribe({
      ...options,
      onEvents: async (events) => options.onEvents(await this.reveal(events, options.typesRead)),
    });
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /**
   * Opens sealed fields and upcasts: what every reader of the log, outbox hooks included, sees.
   * Events of a type outside `typesRead` (when given) are left as stored: nobody reads their
   * data, so neither their key is looked up nor their fields decrypted.
   */
  async reveal(events: readonly RecordedEvent[], typesRead?: ReadonlySet<string>): Promise<RecordedEvent[]> {
    const read = (event: RecordedEvent) => !typesRead || typesRead.has(event.type);
    const childIds = events.filter((e) => read(e) && hasSealedFields(e.data)).map((e) => e.metadata.childId ?? '');
    const keys = await this.keys.existingKeys(childIds);
    return events.map((event) => {
      if (!read(event)) return event;
      const key = keys.get(event.metadata.childId ?? '');
      const data: Record<string, unknown> = { ...event.data };
      const erasedFields: string[] = [];
      for (const [field, value] of Object.entries(event.data)) {
        if (!isSealed(value)) continue;
        if (key) data[field] = JSON.parse(open(key, value, contextOf(event.eventId, field)).toString('utf8'));
        else {
          data[field] = null;
          erasedFields.push(field);
        }
      }
      return { ...this.opened(event, data), ...(erasedFields.length > 0 ? { erasedFields } : {}) };
    });
  }

  /** The event with its data in the clear, upcast to the current schema. */
  private opened(event: RecordedEvent, data: Record<string, unknown>): RecordedEvent {
    const schemaVersion = this.catalogue.schemaOf(event.type)?.schemaVersion ?? event.schemaVersion;
    return { ...event, schemaVersion, data: this.catalogue.upcast(event.type, event.schemaVersion, data) };
  }

  private async sealEvent(event: EventToAppend): Promise<EventToAppend> {
    const fields = this.catalogue.personalFields(event.type).filter((field) => event.data[field] !== undefined);
    if (fields.length === 0) return event;
    const childId = event.metadata.childId;
    if (!childId) throw new Error(`${event.type} carries personal data but its metadata names no child`);
    const key = await this.keys.keyFor(childId);
    const data: Record<string, unknown> = { ...event.data };
    for (const field of fields) {
      data[field] = seal(key, Buffer.from(JSON.stringify(event.data[field]), 'utf8'), contextOf(event.eventId, field));
    }
    return { ...event, data };
  }
}

/** Throws EventRefusedError for the first event that breaks its catalogued shape. */
export function refuseUnfit(
  catalogue: EventCatalogue,
  events: ReadonlyArray<{ readonly type: string; readonly data: object }>,
): void {
  for (const event of events) {
    const broken = catalogue.check(event.type, event.data as Record<string, unknown>);
    if (broken) throw new EventRefusedError(event.type, broken.rule, broken.field, broken.message);
  }
}

const hasSealedFields = (data: Record<string, unknown>) => Object.values(data).some(isSealed);

/** Whether stored data holds the very sealed values that were sent (each has its own random IV). */
const sealedAlike = (stored: Record<string, unknown>, sent: Record<string, unknown>): boolean =>
  Object.entries(sent).every(([field, value]) => {
    const kept = stored[field];
    return !isSealed(value) || (isSealed(kept) && kept.iv === value.iv && kept.tag === value.tag);
  });
