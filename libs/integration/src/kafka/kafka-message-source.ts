import type { Consumer, IHeaders, Kafka } from 'kafkajs';
import { backoffDelay, Pause } from '../relay/backoff';
import type { IncomingMessage, MessageSource, MessageSubscription } from './message-publisher.port';
import { ensureTopics } from './topics';

export interface KafkaMessageSourceOptions {
  readonly groupId: string;
  readonly log?: (line: string) => void;
  /** Where a new consumer group starts: the beginning of the topic (nothing missed) unless told otherwise. */
  readonly fromBeginning?: boolean;
}

const headerText = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v)?.toString() ?? '']),
  );

/**
 * kafkajs adapter of the source port. Offsets are committed only after the handler
 * resolved, so a message whose handling failed (database down) is fetched again, never
 * skipped. kafkajs restarts a consumer that crashed on a retriable error itself; for any
 * other crash, and when the broker is unreachable at start, this loop reconnects with
 * exponential backoff: the consumer never gives up while the process runs.
 */
export class KafkaMessageSource implements MessageSource {
  private readonly log: (line: string) => void;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: KafkaMessageSourceOptions,
  ) {
    this.log = options.log ?? ((line) => process.stdout.write(`${line}\n`));
  }

  async subscribe(topic: string, handle: (message: IncomingMessage) => Promise<void>): Promise<MessageSubscription> {
    const pause = new Pause();
    let stopping = false;
    let consumer: Consumer | null = null;
    let crashed: (() => void) | null = null;

    const runOnce = async (): Promise<void> => {
      consumer = this.kafka.consumer({
        groupId: this.options.groupId,
        maxWaitTimeInMs: 500,
        retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 10_000 },
      });
      const gaveUp = new Promise<void>((resolve) => (crashed = resolve));
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        this.log(
          `inbound ${topic}: consumer crashed (${payload.error.message}); ${payload.restart ? 'kafkajs restarts it' : 'reconnecting'}`,
        );
        if (!payload.restart) crashed?.();
      });
      await ensureTopics(this.kafka, [topic]);
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: this.options.fromBeginning ?? true });
      await consumer.run({
        eachMessage: async ({ topic: t, partition, message }) => {
          await handle({
            topic: t,
            partition,
            offset: message.offset,
            key: message.key?.toString('utf8') ?? null,
            headers: headerText(message.headers),
            value: message.value,
          });
        },
      });
      await gaveUp;
    };

    const loop = async () => {
      let failures = 0;
      while (!stopping) {
        try {
          await runOnce();
          failures = 0;
        } catch (error) {
          failures += 1;
          this.log(
            `inbound ${topic}: consumer not running (attempt ${failures}): ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        await (consumer as Consumer | null)?.disconnect().catch(() => undefined);
        if (!stopping) await pause.for(backoffDelay(Math.max(1, failures), 500, 30_000));
      }
    };
    const running = loop();

    return {
      async stop() {
        stopping = true;
        crashed?.();
        pause.wake();
        await (consumer as Consumer | null)?.disconnect().catch(() => undefined);
        await running;
      },
    };
  }
}
