import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { MessagePublisher, OutgoingMessage } from './message-publisher.port';
import { ensureTopics } from './topics';

/**
 * kafkajs adapter of the publisher port: an idempotent producer (the broker drops a
 * retried batch it already wrote), one request in flight (retries cannot reorder a
 * child's messages), acks from all in-sync replicas, Java-compatible key partitioning.
 * The same producer is kept across failed sends so its sequence numbers keep deduplicating.
 */
export class KafkaPublisher implements MessagePublisher {
  private producer: Producer | null = null;
  private connected: Promise<void> | null = null;
  private readonly knownTopics = new Set<string>();

  constructor(private readonly kafka: Kafka) {}

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connect();
    const topics = [...new Set(messages.map((m) => m.topic))];
    const unknown = topics.filter((t) => !this.knownTopics.has(t));
    if (unknown.length > 0) {
      await ensureTopics(this.kafka, unknown);
      unknown.forEach((t) => this.knownTopics.add(t));
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: topics.map((topic) => ({
        topic,
        messages: messages
          .filter((m) => m.topic === topic)
          .map((m) => ({ key: m.key, value: m.value, headers: { ...m.headers } })),
      })),
    });
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    this.connected = null;
    await producer?.disconnect().catch(() => undefined);
  }

  private async connect(): Promise<Producer> {
    if (!this.producer) {
      this.producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        // Bounded: the relay backs off and re-claims; see ADR 004 on what that means for duplicates.
        retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 1000 },
      });
    }
    const producer = this.producer;
    if (!this.connected) {
      this.connected = producer.connect().catch((error: unknown) => {
        this.connected = null;
        throw error;
      });
    }
    await this.connected;
    return producer;
  }
}
