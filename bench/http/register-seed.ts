import { randomUUID } from 'node:crypto';
import type { Checkpoint, EventStore } from '@app/event-store';
import { compareCheckpoints } from '@app/event-store';
import { MENTORS, Oakfield, SCHOOL } from '@app/projections/testing';
import { RecordedHistory } from '@app/projections/testing';
import type { PlatformRuntime } from '@app/composition';

/**
 * Places children on Oakfield's learning-mentor register through the domain's deciders and
 * the platform's own (sealing) event store, several at a time, as the school read-model
 * tests do: each child is registered, consented, referred and triaged onto the register.
 */
export async function placeOnRegister(runtime: PlatformRuntime, count: number, workers = 8): Promise<void> {
  let next = 0;
  const mentors = Object.values(MENTORS);
  const worker = async () => {
    const store = trackingAppends(runtime.eventStore);
    const history = new RecordedHistory(store, { userId: 'u-mentor-nicky', role: 'learning-mentor', agencyId: SCHOOL });
    // The consent read model must include this worker's consent before its triage asks it.
    const oakfield = new Oakfield(history, runtime.dataSource.manager, () =>
      runtime.projections.waitFor(store.last()!, 10_000),
    );
    while (next < count) {
      const id = randomUUID();
      next += 1;
      await oakfield.placed(`r-${id}`, `child-${id}`, mentors[next % mentors.length]);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
}

/** The store, remembering the furthest checkpoint this worker appended. */
function trackingAppends(store: EventStore): EventStore & { last(): Checkpoint | null } {
  let last: Checkpoint | null = null;
  return {
    async append(streamId, events, expected) {
      const result = await store.append(streamId, events, expected);
      for (const event of result.events)
        if (last === null || compareCheckpoints(event.checkpoint, last) > 0) last = event.checkpoint;
      return result;
    },
    readStream: (streamId) => store.readStream(streamId),
    readAll: (options) => store.readAll(options),
    subscribe: (options) => store.subscribe(options),
    close: () => store.close(),
    last: () => last,
  };
}
