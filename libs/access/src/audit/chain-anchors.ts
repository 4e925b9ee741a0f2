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

const signed = ({ anchorId, seq, hash, anchoredAt }: Omit<ChainAnchor, 'keyId' | 'signature'>) => JSON.stringify({ anchorId, seq, hash, anchoredAt });

/** Signs, keeps and publishes anchors of the access-log chain. */
export class ChainAnchors {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date,
    private readonly key: SigningKey,
    private readonly publish: PublishAnchor,
  ) {}

  /** The anchor key is its own, under `<dataDir>/keys`: not the token issuer's, which an OIDC deployment does not use. */
  static async open(dataSource: DataSource, clock: () => Date, dataDir: string, publish: PublishAnchor): Promise<ChainAnchors> {
    return new ChainAnchors(dataSource, clock, await openSigningKey(join(dataDir, 'keys', 'audit-anchor.jwk.json')), publish);
  }

  /** The public key anchors verify with, and its id. */
  get publicKey(): { readonly keyId: string; readonly jwk: JWK } {
    return { keyId: this.key.keyId, jwk: this.key.publicJwk };
  }

  /** Signs the head as it stands now, records the anchor and publishes it, in one transaction. */
  async anchor(): Promise<ChainAnchor> {
    return this.dataSource.transaction(async (manager) => {
      const [head] = await manager.query(`SELECT seq::text AS seq, hash FROM access.access_log_head WHERE id = 1`);
      const unsigned = { anchorId: randomUUID(), seq: head.seq as string, hash: head.hash as string, anchoredAt: this.clock().toISOString() };
      const signature = await new CompactSign(new TextEncoder().encode(signed(unsigned))).setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: this.key.keyId }).sign(this.key.privateKey);
      const anchor: ChainAnchor = { ...unsigned, keyId: this.key.keyId, signature };
      await manager.query(
        `INSERT INTO access.access_log_anchors (anchor_id, seq, hash, anchored_at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)`,
        [anchor.anchorId, anchor.seq, anchor.hash, anchor.anchoredAt, anchor.keyId, anchor.signature],
      );
      await this.publish(manager, anchor);
      return anchor;
    });
  }

  /** Anchors the head unless the newest anchor already holds it: an idle log gains no anchors. */
  async anchorIfMoved(): Promise<ChainAnchor | null> {
    const [latest] = await this.page(1);
    const [head] = await this.dataSource.query(`SELECT seq::text AS seq FROM access.access_log_head WHERE id = 1`);
    return latest?.seq === head.seq ? null : this.anchor();
  }

  /** The newest `limit` anchors, newest first. */
  async page(limit: number): Promise<ChainAnchor[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT anchor_id, seq::text AS seq, hash, anchored_at, key_id, signature FROM access.access_log_anchors ORDER BY anchored_at DESC, seq DESC LIMIT $1`,
      [limit],
    );
    return rows.map(anchorOf);
  }

  /** True when the anchor's signature is the platform's and covers exactly its fields. */
  async isGenuine(anchor: ChainAnchor): Promise<boolean> {
    try {
      const { payload } = await compactVerify(anchor.signature, this.key.publicKey);
      return new TextDecoder().decode(payload) === signed(anchor);
    } catch {
      return false;
    }
  }
}
