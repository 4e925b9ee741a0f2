import type { Pool } from 'pg';
import type { EventStore } from '@app/event-store';
import { InboundMessages } from './inbound/inbound-messages';
import { SOCIAL_CARE_CASE_UPDATES, SocialCareCaseUpdates } from './inbound/social-care-case-updates';
import { createKafka } from './kafka/kafka-client';
import { KafkaMessageSource } from './kafka/kafka-message-source';
import { KafkaPublisher } from './kafka/kafka-publisher';
import type { MessageSubscription } from './kafka/message-publisher.port';
import { OutboxRelay, type RelayStatus } from './relay/outbox-relay';

export interface IntegrationWorkersOptions {
  readonly pool: Pool;
  /** The protected store (personal fields sealed), as every other writer uses. */
  readonly eventStore: EventStore;
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly log?: (line: string) => void;
  /** The platform clock (ADR 009), for what the inbound consumers record. */
  readonly clock: () => Date;
}

/**
 * What runs when KAFKA_BROKERS is set, in apps/relay or inside the API process: the outbox
 * relay and the inbound consumers. Starting never waits for the broker; both keep retrying
 * with backoff until it answers, and report how they are doing through `status()`.
 */
export class IntegrationWorkers {
  private constructor(
    readonly relay: OutboxRelay,
    private readonly publisher: KafkaPublisher,
    private readonly subscriptions: readonly MessageSubscription[],
  ) {}

  static async start(options: IntegrationWorkersOptions): Promise<IntegrationWorkers> {
    const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
    const kafka = createKafka({ brokers: options.brokers, clientId: options.clientId, log });
    const publisher = new KafkaPublisher(kafka);
    const relay = new OutboxRelay({ pool: options.pool, publisher, log, clock: options.clock });
    relay.start();
    const updates = new SocialCareCaseUpdates({
      eventStore: options.eventStore,
      inbound: new InboundMessages(options.pool),
      publisher,
      log,
      clock: options.clock,
    });
    const source = new KafkaMessageSource(kafka, { groupId: `${options.clientId}.${SOCIAL_CARE_CASE_UPDATES}`, log });
    const subscription = await source.subscribe(SOCIAL_CARE_CASE_UPDATES, (message) => updates.handle(message));
    log(`integration: relaying the outbox to ${options.brokers.join(',')} and consuming ${SOCIAL_CARE_CASE_UPDATES}`);
    return new IntegrationWorkers(relay, publisher, [subscription]);
  }

  status(): RelayStatus {
    return this.relay.status();
  }

  async stop(): Promise<void> {
    for (const subscription of this.subscriptions) await subscription.stop();
    await this.relay.stop();
    await this.publisher.close();
  }
}
