import type { DataSource } from 'typeorm';
import type { Actor } from '@app/domain';
import type { Role } from '../directory/roles';

/**
 * The dpo oversees restrictions and reviews every break-glass: their views are the audit, and
 * show every child, restricted or not. Everyone else's lists leave out a restricted child
 * they are not named on.
 */
export const AUDITOR_ROLE: Role = 'dpo';

/** How long a break-glass opening lasts before the user must state a reason again. */
export const BREAK_GLASS_MINUTES = 60;

export interface Restriction {
  readonly childId: string;
  readonly restrictedBy: string;
  readonly reason: string;
  readonly namedUsers: readonly string[];
}

export interface BreakGlassOpening {
  readonly id: string;
  readonly childId: string;
  readonly userId: string;
  readonly role: string;
  readonly agencyId: string;
  readonly reason: string;
  readonly openedAt: string;
  readonly expiresAt: string;
  readonly reviewedBy: string | null;
}

/**
 * A restricted record (a staff member's own child, a high-profile case) is seen only by named
 * users; anyone else with a relationship must break the glass: state a reason, which is
 * logged, lasts an hour, and waits for the dpo's review.
 */
export class RestrictedRecords {
  /** `clock` is the platform clock (ADR 009): an opening lasts an hour of the platform's time. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date,
  ) {}

  async restrictionOf(childId: string): Promise<Restriction | null> {
    const [row] = await this.dataSource.query(
      `SELECT child_id AS "childId", restricted_by AS "restrictedBy", reason, named_users AS "namedUsers" FROM access.restricted_records WHERE child_id = $1`,
      [childId],
    );
    return row ?? null;
  }

  /**
   * Of the children a response names, the restricted ones this user may not see: not named on
   * the restriction and no open break-glass. One query, however long the list.
   */
  /** Every restricted child hidden from this reader: a paged list leaves them out of its rows and its total. The auditor sees all. */
  async allHiddenFrom(actor: Pick<Actor, 'userId' | 'role'>): Promise<string[]> {
    if (actor.role === AUDITOR_ROLE) return [];
    const rows: Array<{ child_id: string }> = await this.dataSource.query(
      `SELECT r.child_id FROM access.restricted_records r
        WHERE NOT ($1 = ANY(r.named_users))
          AND NOT EXISTS (SELECT 1 FROM access.break_glass b WHERE b.child_id = r.child_id AND b.user_id = $1 AND b.expires_at > $2)`,
      [actor.userId, this.clock()],
    );
    return rows.map((row) => row.child_id);
  }

  async hiddenFrom(userId: string, childIds: readonly string[]): Promise<Set<string>> {
    if (childIds.length === 0) return new Set();
    const rows: Array<{ child_id: string }> = await this.dataSource.query(
      `SELECT r.child_id FROM access.restricted_records r
        WHERE r.child_id = ANY($1::text[]) AND NOT ($2 = ANY(r.named_users))
          AND NOT EXISTS (SELECT 1 FROM access.break_glass b WHERE b.child_id = r.child_id AND b.user_id = $2 AND b.expires_at > $3)`,
      [childIds, userId, this.clock()],
    );
    return new Set(rows.map((row) => row.child_id));
  }

  async restrict(childId: string, by: Actor, reason: string, namedUsers: readonly string[]): Promise<Restriction> {
    const named = [...new Set([by.userId, ...namedUsers])];
    await this.dataSource.query(
      `INSERT INTO access.restricted_records (child_id, restricted_by, reason, named_users, restricted_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (child_id) DO UPDATE SET restricted_by = $2, reason = $3, named_users = $4, restricted_at = $5`,
      [childId, by.userId, reason, named, this.clock()],
    );
    return { childId, restrictedBy: by.userId, reason, namedUsers: named };
  }

  async lift(childId: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(`DELETE FROM access.restricted_records WHERE child_id = $1`, [
      childId,
    ]);
    return count > 0;
  }

  async breakGlass(childId: string, actor: Actor, reason: string): Promise<BreakGlassOpening> {
    const [row] = await this.dataSource.query(
      `INSERT INTO access.break_glass (child_id, user_id, role, agency_id, reason, opened_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6::timestamptz + make_interval(mins => $7)) RETURNING ${OPENING_COLUMNS}`,
      [childId, actor.userId, actor.role, actor.agencyId, reason, this.clock(), BREAK_GLASS_MINUTES],
    );
    return row;
  }

  async hasOpenGlass(userId: string, childId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM access.break_glass WHERE user_id = $1 AND child_id = $2 AND expires_at > $3 LIMIT 1`,
      [userId, childId, this.clock()],
    );
    return rows.length > 0;
  }

  /** Openings the dpo has not reviewed yet, oldest first. */
  async awaitingReview(): Promise<BreakGlassOpening[]> {
    return this.dataSource.query(
      `SELECT ${OPENING_COLUMNS} FROM access.break_glass WHERE reviewed_at IS NULL ORDER BY id`,
    );
  }

  async review(id: string, reviewer: Actor, note: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(
      `UPDATE access.break_glass SET reviewed_by = $2, reviewed_at = $4, review_note = $3 WHERE id = $1 AND reviewed_at IS NULL`,
      [id, reviewer.userId, note, this.clock()],
    );
    return count > 0;
  }
}

const OPENING_COLUMNS = `id::text AS id, child_id AS "childId", user_id AS "userId", role, agency_id AS "agencyId", reason,
  to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "openedAt",
  to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "expiresAt", reviewed_by AS "reviewedBy"`;
