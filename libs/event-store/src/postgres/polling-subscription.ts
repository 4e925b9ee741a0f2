import type { Checkpoint, EventStore, SubscribeOptions, Subscription } from '../event-store.port';
import type { AppendNotifications } from './append-notifications';

/**
 * Catch up by reading all from the checkpoint, then wait for a notification (or the polling
 * interval) and read again. Batches are handed over one at a time, in log order.
 * A failure stops the subscription and is reported once: the owner decides how to resume.
 */
export function pollingSubscription(
  store: Pick<EventStore, 'readAll'>,
  notifications: AppendNotifications,
  pollIntervalMs: number,
  options: SubscribeOptions,
): Subscription {
  const batchSize = options.batchSize ?? 500;
  let after: Checkpoint | null = options.after;
  let stopped = false;

  const run = async () => {
    while (!stopped) {
      const seen = notifications.generation;
      const batch = await store.readAll({ after, limit: batchSize });
      if (stopped) return;
      if (batch.length > 0) {
        await options.onEvents(batch);
        after = batch[batch.length - 1].checkpoint;
      }
      if (batch.length < batchSize) await notifications.next(seen, pollIntervalMs);
    }
  };
  const running = run().catch((error: unknown) => {
    stopped = true;
    if (options.onError) options.onError(error);
    else process.stderr.write(`event store subscription stopped: ${String(error)}\n`);
  });

  return {
    async stop() {
      stopped = true;
      await running;
    },
  };
}
