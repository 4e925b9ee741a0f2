import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { eventCatalogue } from '@app/domain/catalogue';
import { dayOf, type IsoDate, isIsoDate } from '@app/domain/shared/calendar';
import { type Actor, type Decider, type DomainEvent, DomainError, isDomainError, replay } from '@app/domain/shared';
import type { EventStore, ExpectedRevision, RecordedEvent } from '@app/event-store/event-store.port';
import { ProjectionRunner } from '@app/projections/runtime/projection-runner';
import { inSpan } from '@app/platform/tracing/spans';
import { CLOCK, EVENT_STORE } from './tokens';

export interface DecisionContext {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string;
  /** The child the stream is about: selects the data key and the audit subject. */
  readonly childId?: string;
  /** From If-Match, or the caller's own expectation (`no-stream` for a creation). */
  readonly expectedRevision?: ExpectedRevision;
  /**
   * Paths in the command (`heldOn`, `details.dateOfBirth`) of days the user says have already
   * happened: none may be later than the platform's today. Every dated act names its own here,
   * so "not in the future" is one rule checked in one place. The 400 names the request's field,
   * the path's last part.
   */
  readonly happenedOn?: readonly string[];
}

export interface Decided {
  readonly streamId: string;
  readonly revision: bigint;
  readonly events: readonly RecordedEvent[];
}

/** A rule the domain refused; the HTTP layer maps its kind to 400, 403 or 409. */
export class DomainRefusal extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
    this.name = 'DomainRefusal';
  }
}

const valueAt = (command: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), command);

/** A day the user says something happened may not be later than today (a 400 naming the field). */
function notAfterToday(command: unknown, paths: readonly string[], today: IsoDate): void {
  for (const path of paths) {
    const value = valueAt(command, path);
    const field = path.split('.').pop()!;
    if (isIsoDate(value) && value > today) {
      throw new DomainRefusal(new DomainError('request.day-in-future', `${field} (${value}) is after today (${today})`, 'invalid', field));
    }
  }
}

/** Milliseconds a command waits for the in-process read models to include its events. */
const READ_YOUR_WRITES_MS = 3000;

/**
 * The write path of every command: load the stream, fold it, decide, append with the
 * expected revision (optimistic concurrency), then wait briefly until the read models
 * have applied the new events so the caller can read its own write.
 */
@Injectable()
export class Decisions {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async load<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string): Promise<{ state: S; revision: bigint | 'no-stream' }> {
    const history = await this.store.readStream(streamId);
    const events = history.map((e) => ({ type: e.type, data: e.data }) as unknown as E);
    return { state: replay(decider, events), revision: history.length === 0 ? 'no-stream' : history[history.length - 1].revision };
  }

  /** A stream's events as stored, for handlers that need more than the folded state. */
  history(streamId: string): Promise<readonly RecordedEvent[]> {
    return this.store.readStream(streamId);
  }

  async execute<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string, command: C, context: DecisionContext): Promise<Decided> {
    const type = (command as { type?: unknown }).type;
    return inSpan(`command ${String(type)}`, { attributes: { 'mast.command.type': String(type) } }, () => this.decide(decider, streamId, command, context));
  }

  private async decide<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string, command: C, context: DecisionContext): Promise<Decided> {
    notAfterToday(command, context.happenedOn ?? [], dayOf(this.clock().toISOString()));
    const { state, revision } = await this.load(decider, streamId);
    const outcome = decider.decide(command, state);
    if (isDomainError(outcome)) throw new DomainRefusal(outcome);
    // Nothing new to record (a repeat the decider recognised): nothing is written.
    if (outcome.length === 0) return { streamId, revision: revision === 'no-stream' ? -1n : revision, events: [] };
    return this.append(streamId, outcome, context, context.expectedRevision ?? revision);
  }

  /** Appends already-decided events (for handlers that decide across two streams). */
  async append(streamId: string, events: readonly DomainEvent[], context: DecisionContext, expectedRevision: ExpectedRevision): Promise<Decided> {
    const occurredAt = this.clock();
    const result = await this.store.append(
      streamId,
      events.map((event) => ({
        eventId: randomUUID(),
        type: event.type,
        schemaVersion: eventCatalogue.currentVersion(event.type),
        data: event.data as Record<string, unknown>,
        occurredAt,
        metadata: { actor: context.actor, correlationId: context.correlationId, causationId: context.causationId, childId: context.childId },
      })),
      expectedRevision,
    );
    const last = result.events[result.events.length - 1];
    if (last) await this.projections.waitFor(last.checkpoint, READ_YOUR_WRITES_MS);
    return { streamId, revision: result.nextRevision, events: result.events };
  }
}
