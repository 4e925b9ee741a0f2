import { randomUUID } from 'node:crypto';
import type { Actor, Decider, DomainEvent } from '@app/domain';
import { isDomainError, replay, type DomainError } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { fixtureInstant } from '@app/event-store/testing';

/**
 * Test support: decides commands against a stream the way the API's Decisions service
 * does (load, fold, decide, append at the expected revision), so read-model tests run
 * on histories the domain really allows.
 */
export class RecordedHistory {
  constructor(
    private readonly store: EventStore,
    private readonly actor: Actor,
  ) {}

  async decide<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    childId: string,
    ...commands: C[]
  ): Promise<E[]> {
    const recorded: E[] = [];
    for (const command of commands) {
      const outcome = await this.attempt(decider, streamId, command);
      if (isDomainError(outcome))
        throw new Error(
          `${streamId}: ${(command as { type?: string }).type} refused: ${outcome.rule} ${outcome.message}`,
        );
      await this.append(streamId, childId, outcome);
      recorded.push(...outcome);
    }
    return recorded;
  }

  /** Decides without appending: for asserting a refusal against the stored history. */
  async attempt<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
  ): Promise<E[] | DomainError> {
    const history = await this.store.readStream(streamId);
    const state = replay(
      decider,
      history.map((e) => ({ type: e.type, data: e.data }) as unknown as E),
    );
    return decider.decide(command, state);
  }

  private async append(streamId: string, childId: string, events: readonly DomainEvent[]): Promise<void> {
    const history = await this.store.readStream(streamId);
    await this.store.append(
      streamId,
      events.map((event) => ({
        eventId: randomUUID(),
        type: event.type,
        schemaVersion: 1,
        data: event.data as Record<string, unknown>,
        occurredAt: fixtureInstant,
        metadata: { actor: this.actor, correlationId: randomUUID(), childId },
      })),
      history.length === 0 ? 'no-stream' : history[history.length - 1].revision,
    );
  }
}
