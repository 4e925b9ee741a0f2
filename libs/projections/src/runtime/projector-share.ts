import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { EventStore } from '@app/event-store';
import type { Projection } from '../projection';
import { ProjectionRunner } from './projection-runner';
import { describeError } from './projection-failure';
import { checkpoints } from './checkpoint-store';
import { wholeOf } from './segments';

/** The advisory-lock space of projection units: (this, hashtext(unit)) is a unit's lock; (this, 0) shared by every live projector. */
const LOCK_SPACE = 7_270_027;

export interface ProjectorShareOptions {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  /** Its own session: the advisory locks live as long as this connection, so a projector that dies frees its units. */
  readonly databaseUrl: string;
  readonly units: readonly Projection[];
  readonly claimIntervalMs?: number;
  readonly batchSize?: number;
  readonly log?: (line: string) => void;
  /** The lock session ended under it (the database restarted, the connection dropped): its units are free for the others. */
  readonly onLost?: () => void;
}

/**
 * Shares the projection units (whole projections and segments of per-child ones, segments.ts)
 * between the projector processes that run against one database. A unit is run by the process
 * holding its session advisory lock; every process also holds a shared lock that counts it as
 * live. Each claims free units up to its fair share (units ÷ live projectors, rounded up) and
 * lets go of any above it, so a second projector gets half, and the survivors take over the
 * units of one that died (PostgreSQL frees a dead session's locks). The held units run in one
 * ProjectionRunner, started again when they change. Exactly once does not rest on the locks:
 * a unit's checkpoint row is still locked and compared in every transaction that applies.
 */
export class ProjectorShare {
  private client: Client | null = null;
  private runner: ProjectionRunner | null = null;
  private readonly held = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private turn: Promise<void> = Promise.resolve();

  constructor(private readonly options: ProjectorShareOptions) {}

  async start(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl });
    await client.connect();
    client.on('error', (error) => void this.lost(error));
    this.client = client;
    await client.query('SELECT pg_advisory_lock_shared($1, 0)', [LOCK_SPACE]);
    await this.rebalance();
    this.timer = setInterval(() => {
      this.turn = this.turn
        .then(() => this.rebalance())
        .catch((error: unknown) => this.log(`projector could not rebalance: ${describeError(error)}`));
    }, this.options.claimIntervalMs ?? 2000);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.turn;
    await this.runner?.stop();
    this.runner = null;
    const client = this.client;
    this.client = null;
    await client?.end();
    this.held.clear();
  }

  /** Stops applying at once: another projector may already hold these units. */
  private async lost(error: Error): Promise<void> {
    this.log(`projector lost its lock session (${error.message}): it stops running ${this.held.size} units`);
    if (this.timer) clearInterval(this.timer);
    this.client = null;
    this.held.clear();
    await this.runner?.stop();
    this.runner = null;
    this.options.onLost?.();
  }

  /** The units this projector runs now. */
  holding(): string[] {
    return [...this.held].sort();
  }

  private async rebalance(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const units = this.options.units;
    const {
      rows: [{ live }],
    } = await client.query<{ live: number }>(
      `SELECT count(*)::int AS live FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::oid AND objid = 0 AND objsubid = 2 AND granted`,
      [LOCK_SPACE],
    );
    const share = Math.ceil(units.length / Math.max(live, 1));
    const released = [...this.held].slice(share);
    const claimed: string[] = [];
    for (const unit of units) {
      if (this.held.size - released.length + claimed.length >= share) break;
      if (this.held.has(unit.name)) continue;
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
        [LOCK_SPACE, unit.name],
      );
      if (rows[0].locked) claimed.push(unit.name);
    }
    if (released.length === 0 && claimed.length === 0) return;
    // Stopped before its locks go, so the next holder never starts while this one still applies.
    await this.runner?.stop();
    for (const name of released) {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_SPACE, name]);
      this.held.delete(name);
    }
    claimed.forEach((name) => this.held.add(name));
    const running = units.filter((unit) => this.held.has(unit.name));
    for (const unit of running) await checkpoints.seed(this.options.dataSource.manager, unit.name, wholeOf(unit.name));
    // A projector left with nothing to run reads nothing: a runner without projections would follow the log from its start.
    this.runner =
      running.length === 0
        ? null
        : new ProjectionRunner(
            this.options.dataSource,
            this.options.store,
            running,
            this.options.batchSize,
            this.options.log,
          );
    await this.runner?.start();
    this.log(`projector runs ${running.length} of ${units.length} projection units: ${this.holding().join(', ')}`);
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}
