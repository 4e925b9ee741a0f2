import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Kafka } from 'kafkajs';
import { createKafka } from '../kafka/kafka-client';
import { ensureTopics } from '../kafka/topics';

/**
 * The Kafka suites run against the real broker scripts/test.mjs provides (KAFKA_BROKERS).
 * Without it they say so plainly and skip; CI refuses a skipped Kafka suite.
 */
export function testBrokers(): string[] | null {
  const raw = process.env.KAFKA_BROKERS;
  return raw && raw.trim() !== '' ? raw.split(',').map((b) => b.trim()) : null;
}

export const describeWithKafka = (name: string, body: (brokers: string[]) => void): void => {
  const brokers = testBrokers();
  if (!brokers) {
    describe(name, () => {
      it.skip('needs a Kafka broker: KAFKA_BROKERS is not set (npm test starts one with scripts/kafka.sh)', () =>
        undefined);
    });
    return;
  }
  describe(name, () => body(brokers));
};

export const testKafka = (brokers: string[], log: string[] = []): Kafka =>
  createKafka({ brokers, clientId: `test-${randomUUID().slice(0, 8)}`, log: (line) => log.push(line) });

export interface ReadMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly headers: Record<string, string>;
  readonly value: string | null;
}

/**
 * Reads `topic` from the beginning with a consumer group of its own, keeping the messages
 * `keep` selects, until `done(kept)` holds and the reader has reached the end of every
 * partition as it stood then (so a duplicate written before would be among `kept`), or
 * until `timeoutMs` passes: then it rejects saying what it saw. Every wait is bounded.
 */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  keep: (message: ReadMessage) => boolean,
  done: (kept: readonly ReadMessage[]) => boolean,
  timeoutMs = 30_000,
): Promise<ReadMessage[]> {
  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}`, maxWaitTimeInMs: 250 });
  const admin = kafka.admin();
  const kept: ReadMessage[] = [];
  const seen = new Map<number, bigint>();
  const deadline = Date.now() + timeoutMs;
  await ensureTopics(kafka, [topic]); // the reader may be earlier than the first message
  await Promise.all([consumer.connect(), admin.connect()]);
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic: t, partition, message }) => {
        seen.set(partition, BigInt(message.offset));
        const read: ReadMessage = {
          topic: t,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          headers: Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : (v ?? ''))]),
          ),
          value: message.value?.toString('utf8') ?? null,
        };
        if (keep(read)) kept.push(read);
      },
    });
    let ends: { partition: number; high: bigint }[] | null = null;
    for (;;) {
      if (!ends && done(kept)) {
        ends = (await admin.fetchTopicOffsets(topic)).map((o) => ({ partition: o.partition, high: BigInt(o.high) }));
      }
      if (ends && ends.every((e) => e.high === 0n || (seen.get(e.partition) ?? -1n) >= e.high - 1n)) return kept;
      if (Date.now() > deadline)
        throw new Error(`read ${topic}: gave up after ${timeoutMs} ms with ${kept.length} matching message(s)`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await Promise.all([consumer.disconnect().catch(() => undefined), admin.disconnect().catch(() => undefined)]);
  }
}

const repoRoot = resolve(__dirname, '../../../..');

/**
 * A broker of the test's own (scripts/kafka.sh with its own home and ports), for the outage
 * test: stopping the shared broker would break the Kafka suites running beside it.
 */
export class PrivateBroker {
  private readonly env: NodeJS.ProcessEnv;

  /** 100 above the shared broker's port, so test runs on one machine with their own KAFKA_PORT never collide. */
  constructor(readonly port = Number(process.env.KAFKA_PORT ?? 19092) + 100) {
    this.env = {
      ...process.env,
      KAFKA_HOME: `var/kafka-${port}`,
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(port + 1),
    };
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  /** Starts it (again, keeping its data after `pause`). */
  start(): void {
    this.run('start');
  }

  /** Stops the process, keeping its data: an outage. */
  pause(): void {
    this.run('pause');
  }

  /** Stops it and removes its data. */
  stop(): void {
    this.run('stop');
  }

  private run(command: 'start' | 'pause' | 'stop'): void {
    const run = spawnSync('bash', ['scripts/kafka.sh', command], {
      cwd: repoRoot,
      env: this.env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (run.status !== 0) throw new Error(`scripts/kafka.sh ${command} (port ${this.port}) failed: ${run.stderr}`);
  }
}
