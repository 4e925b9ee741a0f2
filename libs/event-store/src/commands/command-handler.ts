import { randomUUID } from 'node:crypto';
import { eventCatalogue } from '@app/domain';
import { dayOf, type IsoDate, isIsoDate } from '@app/domain';
import { type Actor, type Decider, type DomainEvent, DomainError, isDomainError, replay } from '@app/domain';
import { inSpan } from '@app/platform';
import type { Checkpoint, EventStore, ExpectedRevision, RecordedEvent } from '../event-store.port';

export interface CommandContext {
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
   * so "not in the future" is one rule checked in one place. The refusal names the request's
   * field, the path's last part.
   */
  readonly happenedOn?: readonly string[];
  /**
   * The id of the n-th new event. By default a fresh one; a consumer of another system's
   * messages derives it from the message, so a redelivered message cannot append twice.
   */
  readonly eventIdOf?: (index: number) => string;
}

export interface Decided {
  readonly streamId: string;
  readonly revision: bigint;
  readonly events: readonly RecordedEvent[];
}

/** A rule the domain refused; the HTTP layer maps its kind to 400, 403 or 409. */
export class DomainRefusal extends Error {
  constructor(readonly error: DomainError) {
    super(`${error.rule}: ${error.message}`);
    this.name = 'DomainRefusal';
  }
}

export interface CommandHandlerOptions {
  readonly store: EventStore;
  /** The platform clock (ADR 009): when the events happened, and which day is today. */
  readonly clock: () => Date;
  /**
   * Resolves once the read models have applied the log up to a checkpoint, so the caller can
   * read its own write; absent where nothing reads them in this process.
   */
  readonly readYourWrites?: (checkpoint: Checkpoint) => Promise<unknown>;
}

const valueAt = (command: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined,
      command,
    );

/** A day the user says something happened may not be later than today (invalid, naming the field). */
function notAfterToday(command: unknown, paths: readonly string[], today: IsoDate): void {
  for (const path of paths) {
    const value = valueAt(command, path);
    const field = path.split('.').pop()!;
    if (isIsoDate(value) && value > today) {
      throw new DomainRefusal(
        new DomainError('request.day-in-future', `${field} (${value}) is after today (${today})`, 'invalid', field),
      );
    }
  }
}

/**
 * The one write path of every command, whoever sends it (the API, a consumer of another
 * system's messages, a process manager, a test): load the stream, fold it, decide, append
 * with the expected revision (optimistic concurrency), then wait until the read models
 * include the new events. A refusal throws a DomainRefusal naming the rule.
 */
export class CommandHandler {
  constructor(private readonly options: CommandHandlerOptions) {}

  async load<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
  ): Promise<{ state: S; revision: bigint | 'no-stream' }> {
    const history = await this.options.store.readStream(streamId);
    const events = history.map((e) => ({ type: e.type, data: e.data }) as unknown as E);
    return {
      state: replay(decider, events),
      revision: history.length === 0 ? 'no-stream' : history[history.length - 1].revision,
    };
  }

  /** A stream's events as stored, for handlers that need more than the folded state. */
  history(streamId: string): Promise<readonly RecordedEvent[]> {
    return this.options.store.readStream(streamId);
  }

  execute<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    context: CommandContext,
  ): Promise<Decided> {
    const type = String((command as { type?: unknown }).type);
    return inSpan(`command ${type}`, { attributes: { 'mast.command.type': type } }, () =>
      this.decide(decider, streamId, command, context),
    );
  }

  private async decide<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    context: CommandContext,
  ): Promise<Decided> {
    notAfterToday(command, context.happenedOn ?? [], dayOf(this.options.clock().toISOString()));
    const { state, revision } = await this.load(decider, streamId);
    const outcome = decider.decide(command, state);
    if (isDomainError(outcome)) throw new DomainRefusal(outcome);
    // Nothing new to record (a repeat the decider recognised): nothing is written.
    if (outcome.length === 0) return { streamId, revision: revision === 'no-stream' ? -1n : revision, events: [] };
    return this.append(streamId, outcome, context, context.expectedRevision ?? revision);
  }

  /** Appends already-decided events (for handlers that decide across two streams). */
  async append(
    streamId: string,
    events: readonly DomainEvent[],
    context: CommandContext,
    expectedRevision: ExpectedRevision,
  ): Promise<Decided> {
    const occurredAt = this.options.clock();
    const result = await this.options.store.append(
      streamId,
      events.map((event, index) => ({
        eventId: context.eventIdOf?.(index) ?? randomUUID(),
        type: event.type,
        schemaVersion: eventCatalogue.currentVersion(event.type),
        data: event.data as Record<string, unknown>,
        occurredAt,
        metadata: {
          actor: context.actor,
          correlationId: context.correlationId,
          causationId: context.causationId,
          childId: context.childId,
        },
      })),
      expectedRevision,
    );
    const last = result.events[result.events.length - 1];
    if (last && this.options.readYourWrites) await this.options.readYourWrites(last.checkpoint);
    return { streamId, revision: result.nextRevision, events: result.events };
  }
}
