import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

export interface AccessEntry {
  readonly userId: string;
  readonly role: string;
  readonly agencyId: string;
  readonly childId?: string | null;
  /** What was asked for, as `METHOD /path` or a named resource. */
  readonly resource: string;
  readonly outcome: 'allowed' | 'refused';
  /** The relationship or lawful basis the access rested on. */
  readonly basis?: string | null;
  /** Why it was refused, or the reason a user gave for break-glass. */
  readonly reason?: string | null;
  readonly requestId?: string | null;
}

export interface LoggedAccess extends AccessEntry {
  readonly seq: string;
  readonly at: string;
}

export interface ChainVerification {
  readonly intact: boolean;
  readonly entriesChecked: number;
  /** The first entry whose hash, predecessor or position does not match, with what was wrong. */
  readonly firstBrokenLink?: { readonly seq: string; readonly problem: string };
}

interface Row {
  seq: string;
  at: Date;
  user_id: string;
  role: string;
  agency_id: string;
  child_id: string | null;
  resource: string;
  outcome: 'allowed' | 'refused';
  basis: string | null;
  reason: string | null;
  request_id: string | null;
  previous_hash: string;
  hash: string;
}

/** The hashed content of an entry: every column but the hash itself, in a fixed order. */
const canonical = (seq: string, at: string, e: AccessEntry, previousHash: string): string =>
  JSON.stringify([seq, at, e.userId, e.role, e.agencyId, e.childId ?? null, e.resource, e.outcome, e.basis ?? null, e.reason ?? null, e.requestId ?? null, previousHash]);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const entryOf = (row: Row): AccessEntry => ({
  userId: row.user_id,
  role: row.role,
  agencyId: row.agency_id,
  childId: row.child_id,
  resource: row.resource,
  outcome: row.outcome,
  basis: row.basis,
  reason: row.reason,
  requestId: row.request_id,
});

/**
 * Append-only, hash-chained record of every read of child-level data and every refusal.
 * Appends take the chain head's row lock, so entries chain in one line even across processes.
 */
export class AccessLog {
  /** `clock` is the platform clock (ADR 009): an entry's time is the platform's "now". */
  constructor(private readonly dataSource: DataSource, private readonly clock: () => Date) {}

  async append(entry: AccessEntry): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.appendWithin(manager, entry);
    });
  }

  async appendWithin(manager: EntityManager, entry: AccessEntry): Promise<void> {
    const [head] = await manager.query(`SELECT seq, hash FROM access.access_log_head WHERE id = 1 FOR UPDATE`);
    const seq = (BigInt(head.seq) + 1n).toString();
    const at = this.clock().toISOString();
    const hash = sha256(canonical(seq, at, entry, head.hash));
    await manager.query(
      `INSERT INTO access.access_log (seq, at, user_id, role, agency_id, child_id, resource, outcome, basis, reason, request_id, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [seq, at, entry.userId, entry.role, entry.agencyId, entry.childId ?? null, entry.resource, entry.outcome, entry.basis ?? null, entry.reason ?? null, entry.requestId ?? null, head.hash, hash],
    );
    await manager.query(`UPDATE access.access_log_head SET seq = $1, hash = $2 WHERE id = 1`, [seq, hash]);
  }

  /** Recomputes the whole chain, a page at a time, and names the first link that does not hold. */
  async verify(pageSize = 5000): Promise<ChainVerification> {
    let previousHash = 'genesis';
    let expectedSeq = 1n;
    let checked = 0;
    for (;;) {
      const rows: Row[] = await this.dataSource.query(
        `SELECT * FROM access.access_log WHERE seq >= $1 ORDER BY seq LIMIT $2`,
        [expectedSeq.toString(), pageSize],
      );
      for (const row of rows) {
        const broken = (problem: string): ChainVerification => ({ intact: false, entriesChecked: checked, firstBrokenLink: { seq: row.seq, problem } });
        if (BigInt(row.seq) !== expectedSeq) return { intact: false, entriesChecked: checked, firstBrokenLink: { seq: expectedSeq.toString(), problem: 'entry missing' } };
        if (row.previous_hash !== previousHash) return broken('does not follow the entry before it');
        if (sha256(canonical(row.seq, new Date(row.at).toISOString(), entryOf(row), row.previous_hash)) !== row.hash) return broken('content does not match its hash');
        previousHash = row.hash;
        expectedSeq += 1n;
        checked += 1;
      }
      if (rows.length < pageSize) break;
    }
    const [head] = await this.dataSource.query(`SELECT seq, hash FROM access.access_log_head WHERE id = 1`);
    if (BigInt(head.seq) !== expectedSeq - 1n || head.hash !== previousHash) {
      return { intact: false, entriesChecked: checked, firstBrokenLink: { seq: expectedSeq.toString(), problem: `entries after ${expectedSeq - 1n} are missing (the chain head is at ${head.seq})` } };
    }
    return { intact: true, entriesChecked: checked };
  }

  /** A page of history, newest first, for one child or one user. */
  async history(filter: { childId?: string; userId?: string }, page: { before?: string; limit: number }): Promise<LoggedAccess[]> {
    const column = filter.childId ? 'child_id' : 'user_id';
    const value = filter.childId ?? filter.userId;
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM access.access_log WHERE ${column} = $1 AND ($2::bigint IS NULL OR seq < $2::bigint) ORDER BY seq DESC LIMIT $3`,
      [value, page.before ?? null, page.limit],
    );
    return rows.map((row) => ({ seq: row.seq, at: new Date(row.at).toISOString(), ...entryOf(row) }));
  }
}
