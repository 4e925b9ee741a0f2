import type { Projection } from '@app/projections';
import { writeOutboxRows } from './outbox-hook';
import { integrationTranslators } from './translators';

/**
 * The outbox when events live in EventStoreDB (ADR 006, ADR 004): no transaction is shared
 * with PostgreSQL, so the rows are derived from the log by a checkpointed projection. The
 * projection runtime writes them in the same PostgreSQL transaction as its checkpoint, and
 * rows are unique per (event id, integration type): after a crash the batch is replayed and
 * nothing is written twice. The subscription hands over events already opened and upcast.
 */
export function derivedOutboxProjection(pseudonymKey: Buffer): Projection {
  return {
    name: 'integration-outbox',
    eventTypes: [...integrationTranslators.keys()],
    apply: (event, manager) => writeOutboxRows(manager, [event], { pseudonymKey }),
    // No read-model tables, so never emptied: published rows are the record of what left. A
    // rebuild only adds rows pruned since (ON CONFLICT keeps the rest), which consumers drop by event-id.
    tables: [],
  };
}
