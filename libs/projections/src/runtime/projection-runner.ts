import { contextOf, inSpan } from '@app/platform';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type Checkpoint,
  compareCheckpoints,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@app/event-store';
import type { Projection } from '../projection';
import { checkpoints } from './checkpoint-store';
import { ProjectionFailed, type ProjectionFailure, describeError } from './projection-failure';
import { buildInShadow } from './shadow-build';

export interface ProjectionStatus {
  readonly name: string;
  readonly checkpoint: Checkpoint | null;
  readonly running: boolean;
  /** Why the projection is stuck: the event it cannot apply (when it is one) and the error. */
  readonly failure?: ProjectionFailure;
}

interface Waiter {
  readonly target: Checkpoint;
  readonly resolve: () => void;
}

const after = (event: RecordedEvent, checkpoint: Checkpoint | null): boolean =>
  checkpoint === null || compareCheckpoints(event.checkpoint, checkpoint) > 0;

const same = (a: Checkpoint | null, b: Checkpoint | null): boolean =>
  a === null ? b === null : b !== null && compareCheckpoints(a, b) === 0;

/** Whether a projection at `position` has not yet read up to `target`. */
const behind = (position: Checkpoint | null, target: Checkpoint | null): boolean =>
  target !== null && (position === null || compareCheckpoints(target, position) > 0);

/** The earlier of two positions; null (nothing applied) is earliest. */
const earlier = (a: Checkpoint | null, b: Checkpoint | null): Checkpoint | null =>
  a === null || b === null ? null : compareCheckpoints(a, b) <= 0 ? a : b;

/** Events a catch-up may read past without writing its checkpoint: bounds what a crash makes it read again. */
const IDLE_EVENTS_BEFORE_A_MOVE = 5000;

/** The checkpoint that moved under us: another runner (or a rebuild) owns this stretch. */
class CheckpointMoved extends Error {}

/**
 * Feeds every projection from the global log. One reader follows the log for all of them
 * (one read, and one opening of sealed fields, per batch, whatever the number of
 * projections) and hands each batch to each projection:
 * - a projection with events of its types applies them in one database transaction together
 *   with its checkpoint, under a row lock on that checkpoint, so a crash never loses or
 *   double-applies an event and two runners of the same projection never interleave;
 * - a projection with nothing to apply opens no transaction of its own: the checkpoints of
 *   every such projection move together in one statement, committed without waiting for
 *   the disk (a crash only makes them read those events again, to skip them again).
 * A projection that fails leaves the shared reader, catches up alone after a pause, and
 * rejoins; the others go on.
 */
export class ProjectionRunner {
  /** How far each projection has applied (or skipped) the log, in this process. */
  private readonly positions = new Map<string, Checkpoint | null>();
  /** Each projection's checkpoint row as this runner last read or wrote it. */
  private readonly stored = new Map<string, Checkpoint | null>();
  private readonly failures = new Map<string, ProjectionFailure>();
  /** Projections the shared reader feeds; the others are catching up alone. */
  private readonly following = new Set<string>();
  /** Caught up alone: back on the shared reader from its next batch, after closing any gap. */
  private readonly rejoining = new Set<string>();
  private subscription: Subscription | null = null;
  /** Where the shared reader's last batch ended. */
  private readerAt: Checkpoint | null = null;
  private readonly typesRead: ReadonlySet<string>;
  private waiters: Waiter[] = [];
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    readonly projections: readonly Projection[],
    private readonly batchSize = 500,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.typesRead = new Set(projections.flatMap((p) => p.eventTypes));
  }

  /** Catch up, then follow live appends, for every projection. */
  async start(): Promise<void> {
    this.stopped = false;
    for (const projection of this.projections) {
      await this.load(projection);
      this.following.add(projection.name);
    }
    this.follow();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
    this.following.clear();
    this.rejoining.clear();
  }

  /** Processes everything already in the log for one projection, reporting progress. */
  async catchUp(projection: Projection, onProgress?: (eventsRead: number) => void): Promise<Checkpoint | null> {
    let position = await this.load(projection);
    let read = 0;
    let readSinceMove = 0;
    for (;;) {
      const batch = await this.store.readAll({
        after: position,
        limit: this.batchSize,
        typesRead: new Set(projection.eventTypes),
      });
      if (batch.length === 0) break;
      position = await this.applyBatch(projection, batch, position);
      read += batch.length;
      this.reached(projection.name, position);
      readSinceMove = same(this.stored.get(projection.name) ?? null, position) ? 0 : readSinceMove + batch.length;
      if (readSinceMove >= IDLE_EVENTS_BEFORE_A_MOVE) {
        await this.moveIdleAlone(projection);
        readSinceMove = 0;
      }
      onProgress?.(read);
    }
    if (!same(this.stored.get(projection.name) ?? null, position)) await this.moveIdleAlone(projection);
    return position;
  }

  /**
   * Replays the whole log into a shadow copy of the projection's tables and swaps it in
   * once caught up, so readers see the old read model until then, and keep it if the
   * replay fails (shadow-build.ts). The API may go on serving, and applying, meanwhile.
   */
  rebuild(projection: Projection, onProgress?: (eventsRead: number) => void): Promise<void> {
    return this.rebuildTogether([projection], onProgress);
  }

  /** Rebuilds several projections at once, reading the log once for all of them, `batchSize` events at a time. */
  async rebuildTogether(
    projections: readonly Projection[],
    onProgress?: (eventsRead: number) => void,
    batchSize = this.batchSize,
  ): Promise<void> {
    const reached = await buildInShadow({
      dataSource: this.dataSource,
      store: this.store,
      projections,
      batchSize,
      apply: applyInSets,
      onProgress,
    });
    for (const projection of projections) {
      this.stored.set(projection.name, reached);
      this.reached(projection.name, reached);
    }
  }

  status(): ProjectionStatus[] {
    return this.projections.map((p) => ({
      name: p.name,
      checkpoint: this.positions.get(p.name) ?? null,
      running: this.subscription !== null && (this.following.has(p.name) || this.rejoining.has(p.name)),
      failure: this.failures.get(p.name),
    }));
  }

  /**
   * Resolves once every projection has applied the log up to `target` (read-your-writes
   * for the API), or after `timeoutMs`; returns whether it caught up.
   */
  waitFor(target: Checkpoint, timeoutMs: number): Promise<boolean> {
    if (this.allReached(target)) return Promise.resolve(true);
    // Projections run in another process (apps/projector): nothing here to wait for.
    if (this.stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      const waiter: Waiter = {
        target,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Reads the projection's checkpoint row (creating it if new) as its position. */
  private async load(projection: Projection): Promise<Checkpoint | null> {
    await checkpoints.ensure(this.dataSource.manager, projection.name);
    const stored = await checkpoints.read(this.dataSource.manager, projection.name);
    this.stored.set(projection.name, stored);
    this.reached(projection.name, stored);
    return stored;
  }

  /**
   * Applies one batch: the projection's own events in one transaction with its checkpoint;
   * a batch without any is only read past (the caller moves the checkpoint lazily).
   * Returns the position reached.
   */
  private async applyBatch(
    projection: Projection,
    events: readonly RecordedEvent[],
    expected: Checkpoint | null,
    { live = false } = {},
  ): Promise<Checkpoint | null> {
    const fresh = events.filter((event) => after(event, expected));
    if (fresh.length === 0) return expected;
    const reached = fresh[fresh.length - 1].checkpoint;
    const work = fresh.filter((event) => projection.eventTypes.includes(event.type));
    if (work.length === 0) return reached;
    const known = this.stored.has(projection.name) ? this.stored.get(projection.name)! : expected;
    await this.dataSource.transaction(async (manager) => {
      const stored = await checkpoints.lock(manager, projection.name);
      if (!same(stored, known)) throw new CheckpointMoved(`${projection.name} checkpoint moved`);
      await applyWork(projection, work, manager, live);
      await checkpoints.advance(manager, projection.name, reached, work.length);
    });
    this.stored.set(projection.name, reached);
    return reached;
  }

  /** Moves idle projections' checkpoints to where they have read; returns those whose checkpoint moved meanwhile (a rebuild, another runner). */
  private async moveIdle(projections: readonly Projection[]): Promise<Projection[]> {
    const moves = projections.map((p) => ({
      name: p.name,
      from: this.stored.get(p.name) ?? null,
      to: this.positions.get(p.name)!,
    }));
    const moved = await checkpoints.moveIdle(this.dataSource, moves);
    moves.forEach((m) => moved.has(m.name) && this.stored.set(m.name, m.to));
    return projections.filter((p) => !moved.has(p.name));
  }

  private async moveIdleAlone(projection: Projection): Promise<void> {
    if ((await this.moveIdle([projection])).length > 0)
      throw new CheckpointMoved(`${projection.name} checkpoint moved`);
  }

  private follow(): void {
    const from = this.projections
      .filter((p) => this.following.has(p.name))
      .map((p) => this.positions.get(p.name) ?? null);
    this.readerAt = from.length === 0 ? null : from.reduce(earlier);
    this.subscription = this.store.subscribe({
      after: this.readerAt,
      batchSize: this.batchSize,
      typesRead: this.typesRead,
      onEvents: (events) => this.dispatch(events),
      onError: (error) => this.readerFailed(error),
    });
  }

  /** One batch of the shared reader to every projection it feeds, at once (each in its own transaction). */
  private async dispatch(batch: readonly RecordedEvent[]): Promise<void> {
    const before = this.readerAt;
    const end = batch[batch.length - 1].checkpoint;
    for (const name of this.rejoining) this.following.add(name);
    this.rejoining.clear();
    const idle: Projection[] = [];
    await Promise.all(
      this.projections
        .filter((p) => this.following.has(p.name))
        .map(async (projection) => {
          try {
            // Back from catching up alone: what the reader handed out meanwhile is read first.
            while (behind(this.positions.get(projection.name) ?? null, before)) {
              const position = this.positions.get(projection.name) ?? null;
              const gap = (
                await this.store.readAll({
                  after: position,
                  limit: this.batchSize,
                  typesRead: new Set(projection.eventTypes),
                })
              ).filter((e) => !after(e, before));
              if (gap.length === 0) break;
              this.reached(projection.name, await this.applyBatch(projection, gap, position));
            }
            const position = this.positions.get(projection.name) ?? null;
            // Live events join the trace of the request that wrote them; a catch-up or rebuild's replay does not.
            const reached = await this.applyBatch(projection, batch, position, { live: true });
            if (same(this.stored.get(projection.name) ?? null, reached)) this.failures.delete(projection.name);
            else idle.push(projection);
            this.reached(projection.name, reached);
          } catch (error) {
            this.recover(projection, error);
          }
        }),
    );
    this.readerAt = end;
    if (idle.length > 0) {
      const moved = await this.moveIdle(idle).catch((error: unknown) => {
        idle.forEach((projection) => this.recover(projection, error));
        return [];
      });
      moved.forEach((projection) =>
        this.recover(projection, new CheckpointMoved(`${projection.name} checkpoint moved`)),
      );
    }
  }

  /** The shared reader stopped (the database went away): it starts again after a pause, from where the projections are. */
  private readerFailed(error: unknown): void {
    this.log(`projection reader stopped: ${describeError(error)}; retrying in a second`);
    this.subscription = null;
    setTimeout(() => {
      if (!this.stopped && this.subscription === null) this.follow();
    }, 1000);
  }

  /**
   * A failed batch rolled back whole: the projection leaves the shared reader and, after a
   * pause, catches up alone from its stored checkpoint, then rejoins. The failure is
   * reported (health, metrics) and logged once, not on every retry.
   */
  private recover(projection: Projection, error: unknown): void {
    if (!(error instanceof CheckpointMoved)) {
      const failure = error instanceof ProjectionFailed ? error.failure : { error: describeError(error) };
      const before = this.failures.get(projection.name);
      if (before?.eventId !== failure.eventId || before?.error !== failure.error) {
        this.log(
          `projection ${projection.name} is stopped: ${error instanceof ProjectionFailed ? error.message : failure.error}; retrying every second`,
        );
      }
      this.failures.set(projection.name, failure);
    }
    this.following.delete(projection.name);
    setTimeout(
      () => {
        if (this.stopped) return;
        this.catchUp(projection).then(
          () => {
            this.failures.delete(projection.name);
            if (!this.stopped) this.rejoining.add(projection.name);
          },
          (e: unknown) => this.recover(projection, e),
        );
      },
      error instanceof CheckpointMoved ? 50 : 1000,
    );
  }

  private reached(name: string, checkpoint: Checkpoint | null): void {
    this.positions.set(name, checkpoint);
    const [done, pending] = this.waiters.reduce<[Waiter[], Waiter[]]>(
      ([d, p], w) => (this.allReached(w.target) ? [[...d, w], p] : [d, [...p, w]]),
      [[], []],
    );
    this.waiters = pending;
    done.forEach((w) => w.resolve());
  }

  private allReached(target: Checkpoint): boolean {
    return this.projections.every((p) => {
      const at = this.positions.get(p.name);
      return at !== undefined && at !== null && compareCheckpoints(at, target) >= 0;
    });
  }
}

/**
 * A live batch holding several commands' events (under load) is applied in sets, as a
 * rebuild's is; live events that carry a trace (tracing on, ADR 022) one at a time instead,
 * each in its request's trace. A catch-up applies event by event: it is the path a failed
 * batch takes, and it names the event a projection fails on.
 */
async function applyWork(
  projection: Projection,
  work: readonly RecordedEvent[],
  manager: EntityManager,
  live: boolean,
): Promise<void> {
  const traced = live && work.some((event) => contextOf(event.metadata.traceparent));
  if (live && !traced && work.length > 1) return applyInSets(projection, work, manager);
  for (const event of work)
    await (traced ? applyTraced(projection, event, manager) : applyEvent(projection, event, manager));
}

/** Applies one event in a span of the trace its append belonged to (ADR 022); untraced events just apply. */
async function applyTraced(projection: Projection, event: RecordedEvent, manager: EntityManager): Promise<void> {
  const parent = contextOf(event.metadata.traceparent);
  if (!parent) return applyEvent(projection, event, manager);
  const attributes = {
    'mast.projection': projection.name,
    'mast.event.type': event.type,
    'mast.event.position': event.globalPosition.toString(),
  };
  return inSpan(`projection ${projection.name}`, { parent, attributes }, () => applyEvent(projection, event, manager));
}

/** Applies one event, naming it (id, type, position; never its data) when the projection fails on it. */
async function applyEvent(projection: Projection, event: RecordedEvent, manager: EntityManager): Promise<void> {
  try {
    await projection.apply(event, manager);
  } catch (error) {
    throw new ProjectionFailed(projection.name, event, error);
  }
}

/**
 * Applies a projection's events of one batch with its set-based `applyBatch` when it has
 * one; should that fail, the batch is applied again one event at a time, so the failure
 * names the event (and an error of the set-based path alone cannot stop a rebuild).
 */
async function applyInSets(
  projection: Projection,
  events: readonly RecordedEvent[],
  manager: EntityManager,
): Promise<void> {
  if (projection.applyBatch) {
    await manager.query('SAVEPOINT apply_batch');
    try {
      await projection.applyBatch(events, manager);
      await manager.query('RELEASE SAVEPOINT apply_batch');
      return;
    } catch {
      await manager.query('ROLLBACK TO SAVEPOINT apply_batch');
    }
  }
  for (const event of events) await applyEvent(projection, event, manager);
}
