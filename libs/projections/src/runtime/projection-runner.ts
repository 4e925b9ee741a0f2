import { contextOf, inSpan } from '@app/platform/tracing/spans';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type Checkpoint,
  compareCheckpoints,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@app/event-store/event-store.port';
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

/** The checkpoint that moved under us: another runner (or a rebuild) owns this stretch. */
class CheckpointMoved extends Error {}

/**
 * Feeds every projection from the global log. Each batch is applied in one database
 * transaction together with the projection's checkpoint, under a row lock on that
 * checkpoint, so a crash never loses or double-applies an event and two runners of
 * the same projection never interleave.
 */
export class ProjectionRunner {
  private readonly positions = new Map<string, Checkpoint | null>();
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly failures = new Map<string, ProjectionFailure>();
  private waiters: Waiter[] = [];
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    readonly projections: readonly Projection[],
    private readonly batchSize = 500,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Catch up, then follow live appends, for every projection. */
  async start(): Promise<void> {
    this.stopped = false;
    for (const projection of this.projections) await this.follow(projection);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.subscriptions.values()].map((s) => s.stop()));
    this.subscriptions.clear();
  }

  /** Applies one batch; returns the checkpoint reached. Exposed for catch-up and rebuild. */
  async applyBatch(projection: Projection, events: readonly RecordedEvent[], expected: Checkpoint | null, { traced = false } = {}): Promise<Checkpoint | null> {
    if (events.length === 0) return expected;
    return this.dataSource.transaction(async (manager) => {
      const stored = await checkpoints.lock(manager, projection.name);
      if ((stored === null) !== (expected === null) || (stored && expected && compareCheckpoints(stored, expected) !== 0)) {
        throw new CheckpointMoved(`${projection.name} checkpoint moved`);
      }
      let applied = 0;
      for (const event of events) {
        if (!after(event, stored)) continue;
        if (projection.eventTypes.includes(event.type)) {
          await (traced ? applyTraced(projection, event, manager) : applyEvent(projection, event, manager));
          applied += 1;
        }
      }
      const reached = events[events.length - 1].checkpoint;
      await checkpoints.advance(manager, projection.name, reached, applied);
      return reached;
    });
  }

  /** Processes everything already in the log for one projection, reporting progress. */
  async catchUp(projection: Projection, onProgress?: (eventsRead: number) => void): Promise<Checkpoint | null> {
    let position = await checkpoints.read(this.dataSource.manager, projection.name);
    let read = 0;
    for (;;) {
      const batch = await this.store.readAll({ after: position, limit: this.batchSize });
      if (batch.length === 0) break;
      position = await this.applyBatch(projection, batch, position);
      read += batch.length;
      onProgress?.(read);
    }
    this.reached(projection.name, position);
    return position;
  }

  /**
   * Replays the whole log into a shadow copy of the projection's tables and swaps it in
   * once caught up, so readers see the old read model until then, and keep it if the
   * replay fails (shadow-build.ts). The API may go on serving, and applying, meanwhile.
   */
  async rebuild(projection: Projection, onProgress?: (eventsRead: number) => void): Promise<void> {
    const reached = await buildInShadow({
      dataSource: this.dataSource,
      store: this.store,
      projection,
      batchSize: this.batchSize,
      apply: applyEvent,
      onProgress,
    });
    this.reached(projection.name, reached);
  }

  status(): ProjectionStatus[] {
    return this.projections.map((p) => ({
      name: p.name,
      checkpoint: this.positions.get(p.name) ?? null,
      running: this.subscriptions.has(p.name),
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
    if (this.subscriptions.size === 0) return Promise.resolve(false);
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

  private async follow(projection: Projection): Promise<void> {
    const from = await checkpoints.read(this.dataSource.manager, projection.name);
    this.reached(projection.name, from);
    const subscription = this.store.subscribe({
      after: from,
      batchSize: this.batchSize,
      onEvents: async (events) => {
        // Live events join the trace of the request that wrote them; a rebuild's replay does not.
        const reached = await this.applyBatch(projection, events, this.positions.get(projection.name) ?? null, { traced: true });
        this.failures.delete(projection.name);
        this.reached(projection.name, reached);
      },
      onError: (error) => this.recover(projection, error),
    });
    this.subscriptions.set(projection.name, subscription);
  }

  /**
   * A failed batch rolled back whole: resubscribe from the stored checkpoint after a pause.
   * The failure is reported (health, metrics) and logged once, not on every retry.
   */
  private recover(projection: Projection, error: unknown): void {
    if (!(error instanceof CheckpointMoved)) {
      const failure = error instanceof ProjectionFailed ? error.failure : { error: describeError(error) };
      const before = this.failures.get(projection.name);
      if (before?.eventId !== failure.eventId || before?.error !== failure.error) {
        this.log(`projection ${projection.name} is stopped: ${error instanceof ProjectionFailed ? error.message : failure.error}; retrying every second`);
      }
      this.failures.set(projection.name, failure);
    }
    const subscription = this.subscriptions.get(projection.name);
    this.subscriptions.delete(projection.name);
    void (async () => {
      await subscription?.stop();
      if (this.stopped) return;
      await new Promise((r) => setTimeout(r, error instanceof CheckpointMoved ? 50 : 1000));
      if (!this.stopped) await this.follow(projection).catch((e) => this.recover(projection, e));
    })();
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

/** Applies one event in a span of the trace its append belonged to (ADR 022); untraced events just apply. */
async function applyTraced(projection: Projection, event: RecordedEvent, manager: EntityManager): Promise<void> {
  const parent = contextOf(event.metadata.traceparent);
  if (!parent) return applyEvent(projection, event, manager);
  const attributes = { 'mast.projection': projection.name, 'mast.event.type': event.type, 'mast.event.position': event.globalPosition.toString() };
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
