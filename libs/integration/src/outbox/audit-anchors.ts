import type { PublishAnchor } from '@app/access';
import { integrationContracts } from '../contracts/contracts';
import { HEADERS, topicOf } from '../integration-event';

const TYPE = 'audit-anchors';
const VERSION = 1;

/**
 * Anchors leave through the outbox, in the transaction that records them: the relay
 * publishes them to `audit-anchors.v1` when KAFKA_BROKERS is set, with retries, and an
 * anchor is never on the topic without being in the database or the other way round.
 * No child, no disclosure: nothing for the ledger.
 */
export const publishAnchorThroughOutbox: PublishAnchor = async (manager, anchor) => {
  const payload = { ...anchor };
  const check = integrationContracts.check(TYPE, VERSION, payload);
  if (!check.valid) throw new Error(`an anchor breaks its contract: ${check.reason}`);
  const headers = {
    [HEADERS.eventId]: anchor.anchorId,
    [HEADERS.eventType]: TYPE,
    [HEADERS.schemaVersion]: String(VERSION),
    [HEADERS.correlationId]: anchor.anchorId,
  };
  await manager.query(
    `INSERT INTO integration.outbox (event_id, integration_type, topic, key, headers, payload) VALUES ($1, $2, $3, 'access-log', $4, $5)`,
    [anchor.anchorId, TYPE, topicOf(TYPE, VERSION), JSON.stringify(headers), JSON.stringify(payload)],
  );
};
