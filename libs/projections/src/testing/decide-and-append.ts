import { randomUUID } from 'node:crypto';
import { eventCatalogue } from '@app/domain/catalogue';
import { type Actor, type Decider, type DomainEvent, isDomainError, replay } from '@app/domain/shared';
import { type Checkpoint, compareCheckpoints, type EventStore, type RecordedEvent } from '@app/event-store/event-store.port';
import type { ProjectionRunner } from '../runtime/projection-runner';
import { fixtureInstant } from '@app/event-store/testing/fixture-instant';

/**
 * The API's load-decide-append, without Nest, for integration tests of read models:
 * real deciders write real events through a real store. A refusal throws with its rule.
 */
export async function decideAndAppend<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  context: { actor: Actor; childId?: string; occurredAt?: Date },
): Promise<readonly RecordedEvent[]> {
  const history = await store.readStream(streamId);
  const state = replay(decider, history.map((e) => ({ type: e.type, data: e.data }) as unknown as E));
  const outcome = decider.decide(command, state);
  if (isDomainError(outcome)) throw new Error(`${outcome.rule}: ${outcome.message}`);
  return appendDecided(store, streamId, outcome, context);
}

/** Appends already-decided events at the stream's current revision (for decisions across two streams). */
export async function appendDecided(
  store: EventStore,
  streamId: string,
  events: readonly DomainEvent[],
  context: { actor: Actor; childId?: string; occurredAt?: Date },
): Promise<readonly RecordedEvent[]> {
  const history = await store.readStream(streamId);
  const result = await store.append(
    streamId,
    events.map((event) => ({
      eventId: randomUUID(),
      type: event.type,
      schemaVersion: eventCatalogue.currentVersion(event.type),
      data: event.data as Record<string, unknown>,
      occurredAt: context.occurredAt ?? fixtureInstant,
      metadata: { actor: context.actor, correlationId: randomUUID(), childId: context.childId },
    })),
    history.length === 0 ? 'no-stream' : history[history.length - 1].revision,
  );
  return result.events;
}

/**
 * Catches every projection up to at least `target`. The PostgreSQL store only releases
 * events below the oldest running transaction's id, and that horizon spans the whole
 * server, so another suite's open transaction can hold a catch-up short for a moment:
 * repeat until the target is reached rather than assume one pass is enough.
 */
export async function catchUpTo(runner: ProjectionRunner, target: Checkpoint | null, timeoutMs = 10_000): Promise<void> {
  if (target === null) return;
  const deadline = Date.now() + timeoutMs;
  for (const projection of runner.projections) {
    for (;;) {
      const reached = await runner.catchUp(projection);
      if (reached && compareCheckpoints(reached, target) >= 0) break;
      if (Date.now() > deadline) throw new Error(`${projection.name} did not reach the last appended event within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
