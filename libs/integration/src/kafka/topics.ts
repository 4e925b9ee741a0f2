import type { Kafka } from 'kafkajs';

/**
 * Creates the topics that do not exist yet, with the broker's default partitions and
 * replication (production brokers set those; see deploy/README.md). Existing topics are left alone.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic })) });
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
