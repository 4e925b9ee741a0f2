import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

export const ACCESS_OUTCOMES = ['allowed', 'refused'] as const;
export type AccessOutcome = (typeof ACCESS_OUTCOMES)[number];

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
  /** Every child a list named: one entry for the whole list, indexed by child, its hash covering the ids. */
  readonly namedChildren?: readonly string[];
}

export interface LoggedAccess extends Omit<AccessEntry, 'namedChildren'> {
  readonly seq: string;
  readonly at: string;
  /** How many children the list named (a list's entry only); the ids stay in the log. */
  readonly childrenNamed?: number;
}

/** A signed head the chain must still contain (ADR 013). */
export interface AnchoredHead {
  readonly anchorId: string;
  readonly seq: string;
  readonly hash: string;
  readonly anchoredAt: string;
}

export interface ChainVerification {
  readonly intact: boolean;
  readonly entriesChecked: number;
  readonly anchorsChecked: number;
  /** The furthest anchor the chain was held against. */
  readonly anchor?: AnchoredHead;
  /** The first entry whose hash, predecessor or position does not match, with what was wrong, and the anchor it contradicts if it is an anchor that catches it. */
  readonly firstBrokenLink?: {
    readonly seq: string;
    readonly problem: string;
    readonly contradictsAnchor?: AnchoredHead;
  };
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

/** The ids a list named, once each, in one order, so the hash does not depend on how they were read back. */
const namedOnce = (ids: readonly string[] | undefined): string[] => [...new Set(ids ?? [])].sort();

/**
 * The hashed content of an entry: every column but the hash itself, in a fixed order, then
 * the children a list named. An entry naming none hashes as entries did before lists named children.
 */
const canonical = (seq: string, at: string, e: AccessEntry, previousHash: string): string => {
  const named = namedOnce(e.namedChildren);
  return JSON.stringify([
    seq,
    at,
    e.userId,
    e.role,
    e.agencyId,
    e.childId ?? null,
    e.resource,
    e.outcome,
    e.basis ?? null,
    e.reason ?? null,
    e.requestId ?? null,
    previousHash,
    ...(named.length > 0 ? [named] : []),
  ]);
};

/** The children each entry of a page named, read back from their index. */
const NAMED_CHILDREN = `COALESCE((SELECT array_agg(n.child_id) FROM access.access_log_named_children n WHERE n.seq = l.seq), '{}') AS named_children`;

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

const loggedOf = (row: Row): LoggedAccess => ({ seq: row.seq, at: new Date(row.at).toISOString(), ...entryOf(row) });

/** An entry waiting for the next commit of the log, and the request waiting on it. */
interface Pending {
  readonly entry: AccessEntry;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Most entries one commit takes: bounds a transaction's size, not its wait (there is none). */
const MOST_IN_ONE_COMMIT = 256;

/**
 * Append-only, hash-chained record of every read of child-level data and every refusal.
 * Appends take the chain head's row lock, so entries chain in one line even across processes.
 *
 * Group commit (ADR 019): entries that arrive while a commit is under way wait for it to end
 * and then go together, in arrival order, in one transaction that takes the chain head once.
 * No entry waits for a timer: alone, an entry commits as soon as the event loop turns, as
 * before. `append` resolves only when the transaction holding its entry has committed, so a
 * response still goes out only after its entry is durable; a transaction that fails leaves
 * the chain as it was and acknowledges none of its entries.
 */
export class AccessLog {
  private waiting: Pending[] = [];
  private committing = false;

  /** `clock` is the platform clock (ADR 009): an entry's time is the platform's "now". */
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date,
  ) {}

  append(entry: AccessEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      if (!this.committing) void this.commitWaiting();
    });
  }

  /** Commits whatever is waiting, batch after batch, until nothing is. */
  private async commitWaiting(): Promise<void> {
    this.committing = true;
    try {
      // Requests read in the same turn of the event loop go in the first commit together.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MOST_IN_ONE_COMMIT);
        try {
          await this.commit(batch.map((p) => p.entry));
          batch.forEach((p) => p.resolve());
        } catch (error) {
          if (batch.length === 1) batch[0].reject(error);
          // One entry the database refuses must not refuse the requests it happened to share a commit with.
          else for (const p of batch) await this.commit([p.entry]).then(p.resolve, p.reject);
        }
      }
    } finally {
      this.committing = false;
    }
  }

  /** One transaction: the head once, every entry chained onto it in order, the head moved to the last. */
  private async commit(entries: readonly AccessEntry[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [head] = await manager.query(`SELECT seq, hash FROM access.access_log_head WHERE id = 1 FOR UPDATE`);
      // Taken under the lock, as one entry's was: times follow the chain's order across processes.
      const at = this.clock().toISOString();
      let seq = BigInt(head.seq);
      let previousHash: string = head.hash;
      const rows = entries.map((entry) => {
        seq += 1n;
        const hash = sha256(canonical(seq.toString(), at, entry, previousHash));
        const row = { seq: seq.toString(), entry, previousHash, hash };
        previousHash = hash;
        return row;
      });
      const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
      await manager.query(
        `INSERT INTO access.access_log (seq, at, user_id, role, agency_id, child_id, resource, outcome, basis, reason, request_id, previous_hash, hash)
         SELECT seq, $2::timestamptz, user_id, role, agency_id, child_id, resource, outcome, basis, reason, request_id, previous_hash, hash
           FROM unnest($1::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
             AS e(seq, user_id, role, agency_id, child_id, resource, outcome, basis, reason, request_id, previous_hash, hash)`,
        [
          column((r) => r.seq),
          at,
          column((r) => r.entry.userId),
          column((r) => r.entry.role),
          column((r) => r.entry.agencyId),
          column((r) => r.entry.childId ?? null),
          column((r) => r.entry.resource),
          column((r) => r.entry.outcome),
          column((r) => r.entry.basis ?? null),
          column((r) => r.entry.reason ?? null),
          column((r) => r.entry.requestId ?? null),
          column((r) => r.previousHash),
          column((r) => r.hash),
        ],
      );
      const named = rows.flatMap((r) => namedOnce(r.entry.namedChildren).map((childId) => [r.seq, childId] as const));
      if (named.length > 0) {
        await manager.query(
          `INSERT INTO access.access_log_named_children (seq, child_id) SELECT * FROM unnest($1::bigint[], $2::text[])`,
          [named.map(([s]) => s), named.map(([, c]) => c)],
        );
      }
      await manager.query(`UPDATE access.access_log_head SET seq = $1, hash = $2 WHERE id = 1`, [
        seq.toString(),
        previousHash,
      ]);
    });
  }

  /**
   * Recomputes the whole chain, a page at a time, and names the first link that does not
   * hold. The chain must also still hold every anchored entry with the hash its anchor
   * signed: a tail cut off with the head rewound to match is otherwise a shorter chain that
   * holds, and an anchor taken after the cut does not excuse it.
   */
  async verify(anchors: readonly AnchoredHead[] = [], pageSize = 5000): Promise<ChainVerification> {
    const pending = anchors
      .filter((a) => a.seq !== '0')
      .sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : BigInt(a.seq) > BigInt(b.seq) ? 1 : 0));
    const furthest = pending.at(-1);
    let previousHash = 'genesis';
    let expectedSeq = 1n;
    let checked = 0;
    const result = (intact: boolean, firstBrokenLink?: ChainVerification['firstBrokenLink']): ChainVerification => ({
      intact,
      entriesChecked: checked,
      anchorsChecked: anchors.length,
      ...(furthest ? { anchor: furthest } : {}),
      ...(firstBrokenLink ? { firstBrokenLink } : {}),
    });
    const contradicted = (seq: bigint, problem: string, anchor: AnchoredHead) =>
      result(false, {
        seq: seq.toString(),
        problem: `${problem} (anchor ${anchor.anchorId} of ${anchor.anchoredAt} signed entry ${anchor.seq})`,
        contradictsAnchor: anchor,
      });
    for (;;) {
      const rows: Array<Row & { named_children: string[] }> = await this.dataSource.query(
        `SELECT l.*, ${NAMED_CHILDREN} FROM access.access_log l WHERE l.seq >= $1 ORDER BY l.seq LIMIT $2`,
        [expectedSeq.toString(), pageSize],
      );
      for (const row of rows) {
        if (BigInt(row.seq) !== expectedSeq)
          return result(false, { seq: expectedSeq.toString(), problem: 'entry missing' });
        if (row.previous_hash !== previousHash)
          return result(false, { seq: row.seq, problem: 'does not follow the entry before it' });
        if (
          sha256(
            canonical(
              row.seq,
              new Date(row.at).toISOString(),
              { ...entryOf(row), namedChildren: row.named_children },
              row.previous_hash,
            ),
          ) !== row.hash
        ) {
          return result(false, { seq: row.seq, problem: 'content does not match its hash' });
        }
        while (pending.length > 0 && pending[0].seq === row.seq) {
          const anchor = pending.shift()!;
          if (anchor.hash !== row.hash)
            return contradicted(expectedSeq, `entry ${row.seq} is not the one its anchor signed`, anchor);
        }
        previousHash = row.hash;
        expectedSeq += 1n;
        checked += 1;
      }
      if (rows.length < pageSize) break;
    }
    const lastSeq = expectedSeq - 1n;
    if (pending.length > 0)
      return contradicted(expectedSeq, `entries ${expectedSeq} to ${pending[0].seq} are missing`, pending[0]);
    const [head] = await this.dataSource.query(`SELECT seq, hash FROM access.access_log_head WHERE id = 1`);
    if (BigInt(head.seq) !== lastSeq || head.hash !== previousHash) {
      return result(false, {
        seq: expectedSeq.toString(),
        problem: `entries after ${lastSeq} are missing (the chain head is at ${head.seq})`,
      });
    }
    return result(true);
  }

  /**
   * A page of history, newest first, for one child or one user. A child's history holds the
   * reads of their record and every list that named them.
   */
  async history(
    filter: { childId?: string; userId?: string; outcome?: AccessOutcome },
    page: { before?: string; limit: number },
  ): Promise<LoggedAccess[]> {
    const entries = filter.childId
      ? `SELECT seq FROM access.access_log WHERE child_id = $1 UNION ALL SELECT seq FROM access.access_log_named_children WHERE child_id = $1`
      : `SELECT seq FROM access.access_log WHERE user_id = $1`;
    const rows: Array<Row & { children_named: number }> = await this.dataSource.query(
      `SELECT l.*, (SELECT count(*)::int FROM access.access_log_named_children n WHERE n.seq = l.seq) AS children_named
         FROM access.access_log l
        WHERE l.seq IN (${entries}) AND ($2::bigint IS NULL OR l.seq < $2::bigint) AND ($4::text IS NULL OR l.outcome = $4) ORDER BY l.seq DESC LIMIT $3`,
      [filter.childId ?? filter.userId, page.before ?? null, page.limit, filter.outcome ?? null],
    );
    return rows.map((row) => ({
      ...loggedOf(row),
      ...(row.children_named > 0 ? { childrenNamed: row.children_named } : {}),
    }));
  }

  /** Every list that named the child, oldest first: the subject-access report shows them all. */
  async listsNaming(childId: string): Promise<LoggedAccess[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT l.* FROM access.access_log_named_children n JOIN access.access_log l USING (seq) WHERE n.child_id = $1 ORDER BY l.seq`,
      [childId],
    );
    return rows.map(loggedOf);
  }
}
