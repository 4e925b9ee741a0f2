import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { eventCatalogue } from '@app/domain';
import type { AppendHook, EventToAppend, RecordedEvent } from '@app/event-store';
import { ChildDataKeys } from '@app/event-store';
import { ProtectedEventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { createOutboxHook } from '../outbox/outbox-hook';
import { fixtureInstant } from '@app/event-store/testing';

/** The platform's store as openPlatform assembles it: sealing, PostgreSQL, the outbox hook. */
export function outboxedStore(
  pool: Pool,
  options: { pseudonymKey?: Buffer; previousPseudonymKey?: Buffer; extraHooks?: AppendHook[] } = {},
) {
  const pseudonymKey = options.pseudonymKey ?? randomBytes(32);
  const keys = new ChildDataKeys(pool, randomBytes(32));
  const outbox = createOutboxHook({
    pseudonymKey,
    previousPseudonymKey: options.previousPseudonymKey,
    reveal: (events: readonly RecordedEvent[]) => store.reveal(events),
  });
  const store: ProtectedEventStore = new ProtectedEventStore(
    new PostgresEventStore({ pool, appendHooks: [outbox, ...(options.extraHooks ?? [])] }),
    keys,
    eventCatalogue,
  );
  return { store, pseudonymKey };
}

export const toAppend = (type: string, data: Record<string, unknown>): EventToAppend => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  occurredAt: fixtureInstant,
  metadata: {
    actor: { userId: 'u-dsl', role: 'dsl', agencyId: 'school-oakfield' },
    correlationId: randomUUID(),
    childId: typeof data.childId === 'string' ? data.childId : undefined,
  },
});
