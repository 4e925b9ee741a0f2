import { randomUUID } from 'node:crypto';
import type { Actor, Decider, DomainEvent } from '@app/domain';
import { CommandHandler } from '@app/event-store';
import { type Checkpoint, compareCheckpoints, type EventStore, type RecordedEvent } from '@app/event-store';
import type { ProjectionRunner } from '../runtime/projection-runner';
import { fixtureInstant } from '@app/event-store/testing';

interface TestContext {
  readonly actor: Actor;
  readonly childId?: string;
  readonly occurredAt?: Date;
}

const handlerOf = (store: EventStore, context: TestContext) =>
  new CommandHandler({ store, clock: () => context.occurredAt ?? fixtureInstant });
const contextOf = (context: TestContext) => ({
  actor: context.actor,
  childId: context.childId,
  correlationId: randomUUID(),
});

/**
 * The platform's write path (CommandHandler) for integration tests of read models: real
 * deciders write real events through a real store. A refusal throws with its rule.
 */
export async function decideAndAppend<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  context: TestContext,
): Promise<readonly RecordedEvent[]> {
  return (await handlerOf(store, context).execute(decider, streamId, command, contextOf(context))).events;
}

/** Appends already-decided events at the stream's current revision (for decisions across two streams). */
export async function appendDecided(
  store: EventStore,
  streamId: string,
  events: readonly DomainEvent[],
  context: TestContext,
): Promise<readonly RecordedEvent[]> {
  const handler = handlerOf(store, context);
  const history = await handler.history(streamId);
  const revision = history.length === 0 ? 'no-stream' : history[history.length - 1].revision;
  return (await handler.append(streamId, events, contextOf(context), revision)).events;
}

/**
 * Catches every projection up to at least `target`. The PostgreSQL store only releases
 * events below the oldest running transaction's id, and that horizon spans the whole
 * server, so another suite's open transaction can hold a catch-up short for a moment:
 * repeat until the target is reached rather than assume one pass is enough.
 */
export async function catchUpTo(
  runner: ProjectionRunner,
  target: Checkpoint | null,
  timeoutMs = 10_000,
): Promise<void> {
  if (target === null) return;
  const deadline = Date.now() + timeoutMs;
  for (const projection of runner.projections) {
    for (;;) {
      const reached = await runner.catchUp(projection);
      if (reached && compareCheckpoints(reached, target) >= 0) break;
      if (Date.now() > deadline)
        throw new Error(`${projection.name} did not reach the last appended event within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
