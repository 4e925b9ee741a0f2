import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { eventCatalogue } from '@app/domain/catalogue';
import { EventCatalogue, type EventSchema } from '@app/domain/shared/event-schema';
import type { AppendHook, EventToAppend, RecordedEvent } from '@app/event-store/event-store.port';
import { ChildDataKeys } from '@app/event-store/personal-data/child-data-keys';
import { ProtectedEventStore } from '@app/event-store/personal-data/protected-event-store';
import { PostgresEventStore } from '@app/event-store/postgres/postgres-event-store';
import { createOutboxHook } from '../outbox/outbox-hook';

/**
 * Personal fields of the mapped event types whose aggregates live on other branches, as
 * expected there; the platform catalogue wins once they are merged.
 */
const expectedSchemas: EventSchema[] = [
  { type: 'MastRequestMade', schemaVersion: 1, personalFields: ['parentsInvolved', 'needs', 'alreadyTried'] },
  { type: 'MastRequestDecided', schemaVersion: 1, personalFields: ['reason'] },
  { type: 'ConcernReferredToSocialCare', schemaVersion: 1, personalFields: ['summary'] },
  { type: 'DisclosureMade', schemaVersion: 1, personalFields: ['information'] },
  { type: 'CorrectionNoticeIssued', schemaVersion: 1, personalFields: ['corrected', 'reason'] },
];

class CatalogueWithExpected extends EventCatalogue {
  private readonly expected = new EventCatalogue(expectedSchemas.filter((s) => !eventCatalogue.schemaOf(s.type)));
  override schemaOf(type: string) {
    return eventCatalogue.schemaOf(type) ?? this.expected.schemaOf(type);
  }
  override currentVersion(type: string) {
    return this.schemaOf(type)?.schemaVersion ?? 1;
  }
  override personalFields(type: string) {
    return this.schemaOf(type)?.personalFields ?? [];
  }
  override upcast(type: string, storedVersion: number, data: Record<string, unknown>) {
    return eventCatalogue.schemaOf(type) ? eventCatalogue.upcast(type, storedVersion, data) : this.expected.upcast(type, storedVersion, data);
  }
}

/** The platform's store as openPlatform assembles it: sealing, PostgreSQL, the outbox hook. */
export function outboxedStore(pool: Pool, options: { pseudonymKey?: Buffer; extraHooks?: AppendHook[] } = {}) {
  const pseudonymKey = options.pseudonymKey ?? randomBytes(32);
  const keys = new ChildDataKeys(pool, randomBytes(32));
  const outbox = createOutboxHook({ pseudonymKey, reveal: (events: readonly RecordedEvent[]) => store.reveal(events) });
  const store: ProtectedEventStore = new ProtectedEventStore(
    new PostgresEventStore({ pool, appendHooks: [outbox, ...(options.extraHooks ?? [])] }),
    keys,
    new CatalogueWithExpected([]),
  );
  return { store, pseudonymKey };
}

export const toAppend = (type: string, data: Record<string, unknown>): EventToAppend => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: {
    actor: { userId: 'u-dsl', role: 'dsl', agencyId: 'school-oakfield' },
    correlationId: randomUUID(),
    childId: typeof data.childId === 'string' ? data.childId : undefined,
  },
});
