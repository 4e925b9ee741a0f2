import type { Checkpoint, EventStore, SubscribeOptions, Subscription } from '../event-store.port';
import type { AppendNotifications } from './append-notifications';

/** How long a subscriber that has read every notified append sleeps when no notification comes. */
export const IDLE_POLL_MS = 5000;

/**
 * Catch up by reading all from the checkpoint, then wait for a notification and read again.
 * Batches are handed over one at a time, in log order. While an append that was notified is
 * not yet readable (hidden behind an older running transaction, ADR 002), or while no
 * notification can arrive (the listener is down), it polls every `pollIntervalMs`; once it has
 * read everything notified, it sleeps until the next notification, polling only every
 * `IDLE_POLL_MS` as a safety net.
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
      const batch = await store.readAll({ after, limit: batchSize, typesRead: options.typesRead });
      if (stopped) return;
      if (batch.length > 0) {
        await options.onEvents(batch);
        after = batch[batch.length - 1].checkpoint;
      }
      if (!stopped && batch.length < batchSize) {
        const readEveryNotified =
          notifications.listening &&
          (after === null ? notifications.highest === 0n : after.commit >= notifications.highest);
        await notifications.next(seen, readEveryNotified ? IDLE_POLL_MS : pollIntervalMs);
      }
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
      notifications.wakeAll();
      await running;
    },
  };
}
