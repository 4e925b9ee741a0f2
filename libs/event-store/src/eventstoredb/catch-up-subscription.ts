import { START, excludeSystemEvents, type EventStoreDBClient } from '@eventstore/db-client';
import { compareCheckpoints, type RecordedEvent, type SubscribeOptions, type Subscription } from '../event-store.port';
import { fromRecorded, isOurs, toCheckpoint, toPosition } from './envelope';

/**
 * A catch-up subscription to $all (system events filtered out by the server). Events are
 * gathered while the client already holds more of them, up to the batch size, and handed
 * over one batch at a time: the next batch is not read until `onEvents` has resolved, so
 * the gRPC stream is held back rather than buffered without bound.
 * A failure stops the subscription and is reported once, as the PostgreSQL adapter does.
 */
export function catchUpSubscription(client: EventStoreDBClient, options: SubscribeOptions): Subscription {
  const batchSize = options.batchSize ?? 500;
  const after = options.after;
  let stopped = false;
  const source = client.subscribeToAll({
    fromPosition: after ? toPosition(after) : START,
    filter: excludeSystemEvents(),
  });

  const run = async () => {
    let batch: RecordedEvent[] = [];
    for await (const resolved of source) {
      if (stopped) return;
      const event = resolved.event;
      // The server starts after `fromPosition`; the check keeps that promise whatever the server version.
      if (event?.position && isOurs(event) && (!after || compareCheckpoints(toCheckpoint(event.position), after) > 0)) {
        batch.push(fromRecorded(event));
      }
      const nothingMoreBuffered = source.readableLength === 0;
      if (batch.length >= batchSize || (nothingMoreBuffered && batch.length > 0)) {
        await options.onEvents(batch);
        batch = [];
      }
      if (stopped) return;
    }
    if (!stopped) throw new Error('EventStoreDB ended the $all subscription');
  };

  const running = run().catch(async (error: unknown) => {
    if (stopped) return; // stop() cancels the stream, which surfaces here as a premature close
    stopped = true;
    await source.unsubscribe().catch(() => undefined);
    source.destroy();
    if (options.onError) options.onError(error);
    else process.stderr.write(`event store subscription stopped: ${String(error)}\n`);
  });

  return {
    async stop() {
      if (!stopped) {
        stopped = true;
        await source.unsubscribe();
        source.destroy();
      }
      await running;
    },
  };
}
