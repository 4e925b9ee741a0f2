import { Kafka, logLevel, type LogEntry } from 'kafkajs';

export interface KafkaSettings {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Where kafkajs's own warnings and errors go; debug noise is dropped. */
  readonly log?: (line: string) => void;
  /** Fail a request after this long, so a send never outlives the outbox claim transaction. */
  readonly requestTimeoutMs?: number;
}

/**
 * A kafkajs client with short, bounded retries: the relay and the consumer do their own
 * exponential backoff around it, so a broker outage surfaces as a failed call within
 * seconds instead of a call that waits forever.
 */
export function createKafka(settings: KafkaSettings): Kafka {
  const log = settings.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return new Kafka({
    clientId: settings.clientId,
    brokers: [...settings.brokers],
    connectionTimeout: 3000,
    requestTimeout: settings.requestTimeoutMs ?? 10_000,
    retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1000 },
    logLevel: logLevel.ERROR,
    logCreator:
      () =>
      ({ namespace, level, log: entry }: LogEntry) => {
        if (level > logLevel.WARN) return;
        log(`kafka ${level === logLevel.ERROR ? 'error' : 'warning'} [${namespace}] ${entry.message}`);
      },
  });
}
