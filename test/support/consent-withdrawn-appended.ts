import { randomUUID } from 'node:crypto';
import { fixtureInstant } from '@app/event-store/testing';
import { sampleDomainEvents } from '@app/integration/testing';
import type { PlatformRuntime } from '@app/composition';

/** A DSL's consent withdrawal appended as the consent endpoint appends it: the outbox makes an integration event of it. */
export async function appendConsentWithdrawn(
  eventStore: PlatformRuntime['eventStore'],
): Promise<{ childId: string; eventId: string }> {
  const childId = randomUUID();
  const eventId = randomUUID();
  await eventStore.append(
    `consent-${childId}`,
    [
      {
        eventId,
        type: 'ConsentWithdrawn',
        schemaVersion: 1,
        data: sampleDomainEvents.ConsentWithdrawn(childId),
        occurredAt: fixtureInstant,
        metadata: {
          actor: { userId: 'dsl.oakfield', role: 'dsl', agencyId: 'school-oakfield' },
          correlationId: randomUUID(),
          childId,
        },
      },
    ],
    'no-stream',
  );
  return { childId, eventId };
}
