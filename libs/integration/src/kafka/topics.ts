import type { Admin, Kafka } from 'kafkajs';

const METADATA_ATTEMPTS = 25;

async function metadataOf(admin: Admin, topics: string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.fetchTopicMetadata({ topics });
      return;
    } catch (error) {
      if (attempt >= METADATA_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

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
      try {
        await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic })) });
      } catch (error) {
        // kafkajs waits for leaders only through LEADER_NOT_AVAILABLE; a busy broker may answer
        // UNKNOWN_TOPIC_OR_PARTITION for a topic it has just created, so wait for its metadata.
        if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
        await metadataOf(admin, missing);
      }
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
