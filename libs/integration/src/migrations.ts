import { CreateIntegrationOutbox1764100000000 } from './outbox/migrations/1764100000000-create-integration-outbox';
import { CreateInboundMessages1764100000100 } from './inbound/migrations/1764100000100-create-inbound-messages';
import { RecordSentMessages1764100000200 } from './outbox/migrations/1764100000200-record-sent-messages';

/** The `integration` schema: outbox (outbound), the messages sent (the bus's part of the disclosure ledger) and inbound message ids. */
export const integrationMigrations = [
  CreateIntegrationOutbox1764100000000,
  CreateInboundMessages1764100000100,
  RecordSentMessages1764100000200,
];
