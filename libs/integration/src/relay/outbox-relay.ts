import type { Pool, PoolClient } from 'pg';
import { integrationContracts, type IntegrationContracts } from '../contracts/contracts';
import { HEADERS } from '../integration-event';
import type { MessagePublisher } from '../kafka/message-publisher.port';
import { backoffDelay, Pause } from './backoff';
import { publishTraced } from './traced-publish';

export interface OutboxRelayOptions {
  readonly pool: Pool;
  readonly publisher: MessagePublisher;
  readonly contracts?: IntegrationContracts;
  /** Rows claimed and published per transaction. */
  readonly batchSize?: number;
  /** How often an idle relay looks for new rows. */
  readonly pollIntervalMs?: number;
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  /** Published rows older than this are deleted (the topic is the record from then on). */
  readonly retainPublishedHours?: number;
  readonly log?: (line: string) => void;
  /** The platform clock (ADR 009): when the relay last published, for its status. */
  readonly clock: () => Date;
}

export interface RelayStatus {
  readonly state: 'stopped' | 'idle' | 'publishing' | 'standby' | 'backing-off';
  readonly published: number;
  readonly failedContracts: number;
  readonly consecutiveFailures: number;
  readonly lastError: string | null;
  readonly lastPublishedAt: Date | null;
}

type Pass = { kind: 'published'; count: number } | { kind: 'standby' };

/** Any stable 64-bit number; every relay process of one database competes for it. */
const RELAY_LOCK = 4_170_341_001;

interface ClaimedRow {
  id: string;
  integration_type: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  payload: Record<string, unknown>;
}

/**
 * Outbox -> broker. One relay publishes at a time (a transaction-scoped advisory lock; a
 * second relay stands by). Each pass, in one transaction: claim the oldest unpublished
 * rows in commit order, check each against its contract again, publish the valid ones,
 * and mark them published, in that transaction, only after the broker acknowledged them. A failed send rolls
 * the claim back, so the rows stay unpublished and are sent again after an exponential
 * backoff: nothing is lost while the broker is down, and the backlog drains on recovery.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly retainPublishedHours: number;
  private readonly contracts: IntegrationContracts;
  private readonly log: (line: string) => void;
  private readonly pause = new Pause();
  private running: Promise<void> | null = null;
  private stopping = false;
  private lastPrune = 0;
  private current: {
    -readonly [K in keyof RelayStatus]: RelayStatus[K];
  } = {
    state: 'stopped',
    published: 0,
    failedContracts: 0,
    consecutiveFailures: 0,
    lastError: null,
    lastPublishedAt: null,
  };

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.backoffBaseMs = options.backoffBaseMs ?? 250;
    this.backoffMaxMs = options.backoffMaxMs ?? 30_000;
    this.retainPublishedHours = options.retainPublishedHours ?? 24 * 7;
    this.contracts = options.contracts ?? integrationContracts;
    this.log = options.log ?? ((line) => process.stdout.write(`${line}\n`));
  }

  status(): RelayStatus {
    return { ...this.current };
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.current.state = 'idle';
    this.running = this.loop();
  }

  /** Ends after the pass in progress (a claim is committed or rolled back, never left open). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.wake();
    await this.running;
    this.running = null;
    this.current.state = 'stopped';
  }

  /** Ask an idle relay to look now (e.g. right after an append). */
  nudge(): void {
    if (this.current.state === 'idle') this.pause.wake();
  }

  /** Publishes until the outbox is empty or the broker fails: for tests and the benchmark. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const pass = await this.publishOnce();
      if (pass.kind === 'standby') return total;
      total += pass.count;
      if (pass.count < this.batchSize) return total;
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let wait: number;
      try {
        const pass = await this.publishOnce();
        if (this.current.consecutiveFailures > 0)
          this.log(`relay: broker reachable again after ${this.current.consecutiveFailures} failed attempt(s)`);
        this.current.consecutiveFailures = 0;
        if (pass.kind === 'standby') {
          this.current.state = 'standby';
          wait = this.pollIntervalMs * 5;
        } else {
          this.current.state = pass.count === this.batchSize ? 'publishing' : 'idle';
          wait = pass.count === this.batchSize ? 0 : this.pollIntervalMs;
        }
        await this.pruneNowAndThen();
      } catch (error) {
        this.current.consecutiveFailures += 1;
        this.current.lastError = error instanceof Error ? error.message : String(error);
        this.current.state = 'backing-off';
        wait = backoffDelay(this.current.consecutiveFailures, this.backoffBaseMs, this.backoffMaxMs);
        this.log(
          `relay: publishing failed (attempt ${this.current.consecutiveFailures}), retrying in ${wait} ms: ${this.current.lastError}`,
        );
      }
      if (wait > 0 && !this.stopping) await this.pause.for(wait);
    }
  }

  private async publishOnce(): Promise<Pass> {
    const client = await this.options.pool.connect();
    let claimed: ClaimedRow[] = [];
    try {
      await client.query('BEGIN');
      const { rows: lock } = await client.query<{ leader: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS leader', [
        RELAY_LOCK,
      ]);
      if (!lock[0].leader) {
        await client.query('ROLLBACK');
        return { kind: 'standby' };
      }
      claimed = await claim(client, this.batchSize);
      const valid: ClaimedRow[] = [];
      const broken: { row: ClaimedRow; reason: string }[] = [];
      for (const row of claimed) {
        const check = this.contracts.check(
          row.integration_type,
          Number(row.headers[HEADERS.schemaVersion]),
          row.payload,
        );
        if (check.valid) valid.push(row);
        else broken.push({ row, reason: check.reason });
      }
      if (valid.length > 0) await publishTraced(this.options.publisher, valid);
      // Writes only after the ack: until here the claim holds no transaction id, so a send
      // in flight never holds back the readers of the event log (they read below the oldest
      // running transaction id, ADR 002).
      if (valid.length > 0) {
        const ids = valid.map((r) => r.id);
        await client.query(
          'UPDATE integration.outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::bigint[])',
          [ids],
        );
        await recordSent(client, ids);
      }
      for (const { row, reason } of broken) {
        this.log(`relay: outbox row ${row.id} (${row.topic}) breaks its contract and is not published: ${reason}`);
        await client.query('UPDATE integration.outbox SET failed_at = now(), last_error = $2 WHERE id = $1', [
          row.id,
          reason,
        ]);
      }
      await client.query('COMMIT');
      this.current.published += valid.length;
      this.current.failedContracts += broken.length;
      if (valid.length > 0) this.current.lastPublishedAt = this.options.clock();
      return { kind: 'published', count: claimed.length };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      await this.recordAttempt(claimed, error);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Best effort, outside the rolled-back claim: how often a row was tried and why it failed. */
  private async recordAttempt(rows: readonly ClaimedRow[], error: unknown): Promise<void> {
    if (rows.length === 0) return;
    const reason = error instanceof Error ? error.message : String(error);
    await this.options.pool
      .query(
        'UPDATE integration.outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[]) AND published_at IS NULL',
        [rows.map((r) => r.id), reason.slice(0, 1000)],
      )
      .catch(() => undefined);
  }

  private async pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPrune < 60_000) return;
    this.lastPrune = Date.now();
    await this.options.pool.query(
      `DELETE FROM integration.outbox WHERE published_at < now() - make_interval(hours => $1)`,
      [this.retainPublishedHours],
    );
  }
}

/**
 * What went, into the disclosure ledger (ADR 010), in the transaction that marks it published:
 * a message the broker acknowledged is never missing from it, and one it refused never in it.
 */
async function recordSent(client: PoolClient, ids: readonly string[]): Promise<void> {
  await client.query(
    `INSERT INTO integration.sent_messages (outbox_id, event_id, child_id, topic, recipient, basis, fields, carries, sent_at)
     SELECT id, event_id, child_id, topic, disclosure->>'recipient', disclosure->'basis',
            ARRAY(SELECT jsonb_array_elements_text(disclosure->'fields')), disclosure->>'carries', published_at
       FROM integration.outbox WHERE id = ANY($1::bigint[]) AND child_id IS NOT NULL AND disclosure IS NOT NULL
     ON CONFLICT (outbox_id) DO NOTHING`,
    [ids],
  );
}

/**
 * The oldest unpublished rows in commit order: (transaction id, id), and only from
 * transactions older than every running one, so a row committed late by a slow
 * transaction is never overtaken (the event log's rule, ADR 002). No FOR UPDATE: the
 * advisory lock already makes this relay the only writer of these rows, and a row lock
 * would take a transaction id for as long as the broker takes to answer.
 */
async function claim(client: PoolClient, limit: number): Promise<ClaimedRow[]> {
  const { rows } = await client.query<ClaimedRow>(
    `SELECT id, integration_type, topic, key, headers, payload FROM integration.outbox
      WHERE published_at IS NULL AND failed_at IS NULL
        AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY transaction_id, id
      LIMIT $1`,
    [limit],
  );
  return rows;
}
