import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface WebSession {
  readonly userId: string;
  /** The name the directory gave at sign-in, for the page header. */
  readonly displayName: string;
  /** The token every form of this session carries (ADR 018). */
  readonly csrfToken: string;
  readonly expiresAt: Date;
  /** When this request found the session (and moved its end on): the page counts down from here. */
  readonly resumedAt: Date;
}

const hashOf = (sessionId: string): Buffer => createHash('sha256').update(sessionId).digest();
const randomToken = (): string => randomBytes(32).toString('base64url');

/**
 * Server-side sessions for the web pages. The browser holds a random id in an httpOnly
 * cookie, never a bearer token; the session ends after `idleSeconds` without a request
 * (each request moves the end on), or at sign-out.
 */
export class WebSessions {
  /** `clock` is the platform clock (ADR 009). */
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date,
    readonly idleSeconds: number,
  ) {}

  /** A new session for a signed-in user: its id goes in the cookie, only its hash is kept. */
  async open(
    userId: string,
    displayName: string,
  ): Promise<{ readonly sessionId: string; readonly session: WebSession }> {
    const sessionId = randomToken();
    const csrfToken = randomToken();
    const now = this.clock();
    const expiresAt = this.endFrom(now);
    await this.dataSource.query(
      `INSERT INTO api.web_sessions (id_hash, user_id, display_name, csrf_token, started_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [hashOf(sessionId), userId, displayName, csrfToken, now, expiresAt],
    );
    // An ended session's row has no use: sessions that ran out are cleared as new ones start.
    await this.dataSource.query(`DELETE FROM api.web_sessions WHERE expires_at < $1`, [now]);
    return { sessionId, session: { userId, displayName, csrfToken, expiresAt, resumedAt: now } };
  }

  /** The live session of this id, its end moved on; null when there is none or it ran out. */
  async resume(sessionId: string): Promise<WebSession | null> {
    const now = this.clock();
    const rows: Array<{ user_id: string; display_name: string; csrf_token: string; expires_at: Date }> =
      await this.dataSource.query(
        // A SELECT around the UPDATE: TypeORM answers a bare UPDATE ... RETURNING as [rows, count].
        `WITH resumed AS (UPDATE api.web_sessions SET expires_at = $3 WHERE id_hash = $1 AND expires_at > $2 RETURNING user_id, display_name, csrf_token, expires_at)
       SELECT * FROM resumed`,
        [hashOf(sessionId), now, this.endFrom(now)],
      );
    const [row] = rows;
    return row
      ? {
          userId: row.user_id,
          displayName: row.display_name,
          csrfToken: row.csrf_token,
          expiresAt: new Date(row.expires_at),
          resumedAt: now,
        }
      : null;
  }

  async end(sessionId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM api.web_sessions WHERE id_hash = $1`, [hashOf(sessionId)]);
  }

  private endFrom(now: Date): Date {
    return new Date(now.getTime() + this.idleSeconds * 1000);
  }
}

/** A form's token against its session's, in constant time. */
export function csrfTokenMatches(session: WebSession, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const [a, b] = [Buffer.from(session.csrfToken), Buffer.from(sent)];
  return a.length === b.length && timingSafeEqual(a, b);
}
