import { CreateIntegrationOutbox1764100000000 } from './outbox/migrations/1764100000000-create-integration-outbox';
import { CreateInboundMessages1764100000100 } from './inbound/migrations/1764100000100-create-inbound-messages';

/** The `integration` schema: outbox (outbound) and inbound message ids. */
export const integrationMigrations = [CreateIntegrationOutbox1764100000000, CreateInboundMessages1764100000100];
