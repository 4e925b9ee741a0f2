import type { DataSource } from 'typeorm';
import type { AuthenticationFailure } from '../identity/token-verifier';

export interface FailedAuthentication {
  /** The client address as the API saw it. */
  readonly address: string;
  readonly reason: AuthenticationFailure;
  /** `METHOD /route/:pattern`: what was asked for, without the values in the path. */
  readonly resource: string;
  readonly requestId: string;
}

export interface LoggedFailure extends FailedAuthentication {
  readonly seq: string;
  readonly at: string;
}

interface Row {
  seq: string;
  at: Date;
  address: string;
  reason: AuthenticationFailure;
  resource: string;
  request_id: string | null;
}

/**
 * Every request refused for want of a valid token, for the DPO and the administrator to
 * see who is knocking. The token itself is never kept: it may still be valid elsewhere.
 */
export class SecurityLog {
  /** `clock` is the platform clock (ADR 009). */
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date,
  ) {}

  async record(failure: FailedAuthentication): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO access.security_log (at, address, reason, resource, request_id) VALUES ($1, $2, $3, $4, $5)`,
      [this.clock(), failure.address, failure.reason, failure.resource, failure.requestId],
    );
  }

  /** A page, newest first. */
  async page(page: { before?: string; limit: number }): Promise<LoggedFailure[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM access.security_log WHERE ($1::bigint IS NULL OR seq < $1::bigint) ORDER BY seq DESC LIMIT $2`,
      [page.before ?? null, page.limit],
    );
    return rows.map((row) => ({
      seq: row.seq,
      at: new Date(row.at).toISOString(),
      address: row.address,
      reason: row.reason,
      resource: row.resource,
      requestId: row.request_id ?? '',
    }));
  }
}
