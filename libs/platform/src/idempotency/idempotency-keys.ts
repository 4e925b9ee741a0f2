import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** How long a key answers for its first request: a day covers any client's retries. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 3600 * 1000;

export interface StoredResponse {
  readonly statusCode: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

export type Claim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'other-request'; readonly request: string }
  | { readonly kind: 'in-progress' };

export interface KeyedRequest {
  readonly userId: string;
  readonly key: string;
  /** `POST /children`: what the key was first used for, to name it in a refusal. */
  readonly request: string;
  readonly body: unknown;
  readonly now: Date;
}

/** Objects with their keys sorted, so the same body sent again, re-serialised, has the same fingerprint. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );

const fingerprintOf = (request: string, body: unknown): string =>
  createHash('sha256')
    .update(`${request}\n${canonical(body)}`)
    .digest('hex');

/**
 * The first request with a user's key claims it; the response it gets is stored, and a retry
 * with the same key and the same request is answered from it. A request that fails releases
 * its key (it wrote nothing); one interrupted by a crash keeps it in progress until it
 * expires, since whether it took effect is unknown, and a repeat could write twice.
 */
export class IdempotencyKeys {
  constructor(private readonly dataSource: DataSource) {}

  async claim(keyed: KeyedRequest): Promise<Claim> {
    const fingerprint = fingerprintOf(keyed.request, keyed.body);
    const expiresAt = new Date(keyed.now.getTime() + IDEMPOTENCY_KEY_LIFETIME_MS);
    await this.dataSource.query(`DELETE FROM api.idempotency_keys WHERE user_id = $1 AND expires_at <= $2`, [
      keyed.userId,
      keyed.now,
    ]);
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO api.idempotency_keys (user_id, key, fingerprint, request, state, created_at, expires_at)
       VALUES ($1, $2, $3, $4, 'in-progress', $5, $6) ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [keyed.userId, keyed.key, fingerprint, keyed.request, keyed.now, expiresAt],
    );
    if (inserted.length === 1) return { kind: 'claimed' };
    const [first] = (await this.dataSource.query(
      `SELECT fingerprint, request, state, status_code, response_body, response_headers FROM api.idempotency_keys WHERE user_id = $1 AND key = $2`,
      [keyed.userId, keyed.key],
    )) as Array<{
      fingerprint: string;
      request: string;
      state: string;
      status_code: number | null;
      response_body: unknown;
      response_headers: Record<string, string> | null;
    }>;
    // Released between our insert and our read: the first request failed, so this one is no repeat of a success.
    if (!first) return this.claim(keyed);
    if (first.fingerprint !== fingerprint) return { kind: 'other-request', request: first.request };
    if (first.state !== 'completed') return { kind: 'in-progress' };
    return {
      kind: 'replay',
      response: {
        statusCode: first.status_code ?? 200,
        body: first.response_body,
        headers: first.response_headers ?? {},
      },
    };
  }

  async complete(userId: string, key: string, response: StoredResponse): Promise<void> {
    await this.dataSource.query(
      `UPDATE api.idempotency_keys SET state = 'completed', status_code = $3, response_body = $4, response_headers = $5 WHERE user_id = $1 AND key = $2`,
      [userId, key, response.statusCode, JSON.stringify(response.body ?? null), JSON.stringify(response.headers)],
    );
  }

  async release(userId: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM api.idempotency_keys WHERE user_id = $1 AND key = $2 AND state = 'in-progress'`,
      [userId, key],
    );
  }
}
