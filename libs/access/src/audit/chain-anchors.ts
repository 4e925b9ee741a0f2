import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CompactSign, compactVerify, type JWK } from 'jose';
import type { DataSource, EntityManager } from 'typeorm';
import { openSigningKey, SIGNING_ALGORITHM, type SigningKey } from '../identity/signing-key';

/**
 * The head of the access-log chain at one moment, signed with the platform's anchor key
 * (ADR 013). `signature` is a compact JWS whose payload is the JSON of the other four
 * fields: anyone holding the public key can check an anchor they were given.
 */
export interface ChainAnchor {
  readonly anchorId: string;
  readonly seq: string;
  readonly hash: string;
  readonly anchoredAt: string;
  readonly keyId: string;
  readonly signature: string;
}

/** Where an anchor goes besides the database, in the transaction that records it (the outbox). */
export type PublishAnchor = (manager: EntityManager, anchor: ChainAnchor) => Promise<void>;

interface Row {
  anchor_id: string;
  seq: string;
  hash: string;
  anchored_at: Date;
  key_id: string;
  signature: string;
}

const anchorOf = (row: Row): ChainAnchor => ({
  anchorId: row.anchor_id,
  seq: row.seq,
  hash: row.hash,
  anchoredAt: new Date(row.anchored_at).toISOString(),
  keyId: row.key_id,
  signature: row.signature,
});

const signed = ({ anchorId, seq, hash, anchoredAt }: Omit<ChainAnchor, 'keyId' | 'signature'>) =>
  JSON.stringify({ anchorId, seq, hash, anchoredAt });

/** The head is behind an anchor already signed: the log has lost entries, and signing it now would bless the loss. */
export class ChainBehindAnchor extends Error {
  constructor(
    readonly head: string,
    readonly anchor: ChainAnchor,
  ) {
    super(
      `the chain head (entry ${head}) is behind anchor ${anchor.anchorId}, which signed entry ${anchor.seq}: entries are missing (see /audit/verify); no anchor was signed`,
    );
    this.name = 'ChainBehindAnchor';
  }
}

const SELECT_ANCHORS = `SELECT anchor_id, seq::text AS seq, hash, anchored_at, key_id, signature FROM access.access_log_anchors`;

/** Signs, keeps and publishes anchors of the access-log chain. */
export class ChainAnchors {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date,
    private readonly key: SigningKey,
    private readonly publish: PublishAnchor,
  ) {}

  /** The anchor key is its own, under `<dataDir>/keys`: not the token issuer's, which an OIDC deployment does not use. */
  static async open(
    dataSource: DataSource,
    clock: () => Date,
    dataDir: string,
    publish: PublishAnchor,
  ): Promise<ChainAnchors> {
    return new ChainAnchors(
      dataSource,
      clock,
      await openSigningKey(join(dataDir, 'keys', 'audit-anchor.jwk.json')),
      publish,
    );
  }

  /** The public key anchors verify with, and its id. */
  get publicKey(): { readonly keyId: string; readonly jwk: JWK } {
    return { keyId: this.key.keyId, jwk: this.key.publicJwk };
  }

  /** Signs the head as it stands now, records the anchor and publishes it, in one transaction; never a head behind an earlier anchor. */
  async anchor(): Promise<ChainAnchor> {
    return this.dataSource.transaction(async (manager) => {
      const [head] = await manager.query(`SELECT seq::text AS seq, hash FROM access.access_log_head WHERE id = 1`);
      const [furthest]: Row[] = await manager.query(`${SELECT_ANCHORS} ORDER BY seq DESC LIMIT 1`);
      if (furthest && BigInt(furthest.seq) > BigInt(head.seq))
        throw new ChainBehindAnchor(head.seq, anchorOf(furthest));
      const unsigned = {
        anchorId: randomUUID(),
        seq: head.seq as string,
        hash: head.hash as string,
        anchoredAt: this.clock().toISOString(),
      };
      const signature = await new CompactSign(new TextEncoder().encode(signed(unsigned)))
        .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: this.key.keyId })
        .sign(this.key.privateKey);
      const anchor: ChainAnchor = { ...unsigned, keyId: this.key.keyId, signature };
      await manager.query(
        `INSERT INTO access.access_log_anchors (anchor_id, seq, hash, anchored_at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)`,
        [anchor.anchorId, anchor.seq, anchor.hash, anchor.anchoredAt, anchor.keyId, anchor.signature],
      );
      await this.publish(manager, anchor);
      return anchor;
    });
  }

  /** Anchors the head unless an anchor already holds it: an idle log gains no anchors. */
  async anchorIfMoved(): Promise<ChainAnchor | null> {
    const [{ anchored }] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM access.access_log_anchors a JOIN access.access_log_head h ON h.seq = a.seq AND h.hash = a.hash) AS anchored`,
    );
    return anchored ? null : this.anchor();
  }

  /** The newest `limit` anchors, newest first. */
  async page(limit: number): Promise<ChainAnchor[]> {
    const rows: Row[] = await this.dataSource.query(`${SELECT_ANCHORS} ORDER BY anchored_at DESC, seq DESC LIMIT $1`, [
      limit,
    ]);
    return rows.map(anchorOf);
  }

  /** Every anchor, in the order of the entries they signed: what /audit/verify holds the chain against. */
  async all(): Promise<ChainAnchor[]> {
    const rows: Row[] = await this.dataSource.query(`${SELECT_ANCHORS} ORDER BY seq, anchored_at`);
    return rows.map(anchorOf);
  }

  /** The first of `anchors` whose signature is not the platform key's over exactly its fields. */
  async firstForged(anchors: readonly ChainAnchor[]): Promise<ChainAnchor | undefined> {
    for (const anchor of anchors) if (!(await this.isGenuine(anchor))) return anchor;
    return undefined;
  }

  private async isGenuine(anchor: ChainAnchor): Promise<boolean> {
    try {
      const { payload } = await compactVerify(anchor.signature, this.key.publicKey);
      return new TextDecoder().decode(payload) === signed(anchor);
    } catch {
      return false;
    }
  }
}
