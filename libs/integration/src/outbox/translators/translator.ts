import type { RecordedEvent } from '@app/event-store';
import type { IntegrationEventDraft } from '../../integration-event';

/**
 * Turns one domain event (personal fields opened, upcast to its current version) into the
 * integration events it causes. A translator copies only what the recipient may have:
 * free text about the child or family stays in the platform. It does not validate; the
 * contract (libs/integration/src/contracts) does, before the row is written.
 */
export interface Translator {
  /** The domain event type it reads. */
  readonly domainEventType: string;
  translate(event: RecordedEvent, childRef: string): IntegrationEventDraft[];
}

/** Copies the named fields that are present; the contract decides whether a missing one matters. */
export const pick = (data: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(fields.filter((f) => data[f] !== undefined).map((f) => [f, data[f]]));

export const occurredAt = (event: RecordedEvent): string => event.occurredAt.toISOString();
