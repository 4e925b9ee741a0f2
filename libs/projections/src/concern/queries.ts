import type { EntityManager } from 'typeorm';
import { clockStatus } from '@app/domain';
import type { ClockState } from '@app/domain';

/** The school's own record of a concern: the note as raised, who raised it, the DSL's review, and all that followed. */
const CONCERN = `
  concern_id AS "concernId", child_id AS "childId", raised_by AS "raisedBy", seen_or_heard AS "seenOrHeard", raised_at AS "raisedAt", status,
  dsl_outcome AS "dslOutcome", dsl_reasons AS "dslReasons", reviewed_on::text AS "reviewedOn", referral, referred_on::text AS "referredOn", decision, assessment,
  strategy_discussion AS "strategyDiscussion", conferences, core_groups AS "coreGroups", reports, clocks, revision`;

type ConcernRow = Record<string, unknown> & { clocks: ClockState[] };

/** Each clock with its state on the day asked. */
const withClockStates = (row: ConcernRow, today: string) => ({
  ...row,
  clocks: row.clocks.map((c) => ({ ...c, state: clockStatus(c, today) })),
});

/**
 * Social care's view of a concern: what the DSL's referral carried (ground, urgency,
 * categories, summary), the reports written for its conferences and core groups, and its
 * own acts and clocks. The note staff wrote, who raised it and the DSL's review reasons stay
 * the school's (second-hand information about other people is in them, DESIGN §3).
 */
const AS_REFERRED = `
  concern_id AS "concernId", child_id AS "childId", referral, referred_on::text AS "referredOn", status, decision, assessment,
  strategy_discussion AS "strategyDiscussion", conferences, core_groups AS "coreGroups", reports, clocks, revision`;

/** One concern as the school recorded it. */
export async function concern(manager: EntityManager, concernId: string, today: string) {
  const [row] = await manager.query(`SELECT ${CONCERN} FROM read_models.concerns WHERE concern_id = $1`, [concernId]);
  return row ? withClockStates(row, today) : null;
}

/** One concern as children's social care received it; null until it is referred. */
export async function concernAsReferred(manager: EntityManager, concernId: string, today: string) {
  const [row] = await manager.query(
    `SELECT ${AS_REFERRED} FROM read_models.concerns WHERE concern_id = $1 AND referred_on IS NOT NULL`,
    [concernId],
  );
  return row ? withClockStates(row, today) : null;
}

/** Children's social care: the referrals and concerns it received, with conference and core-group reports and the clocks. */
export async function referralsToSocialCare(manager: EntityManager, today: string) {
  const rows: ConcernRow[] = await manager.query(
    `SELECT ${AS_REFERRED} FROM read_models.concerns WHERE referred_on IS NOT NULL ORDER BY referred_on, concern_id`,
  );
  return rows.map((row) => withClockStates(row, today));
}

/** The DSL's queue: the school's concerns, newest first, each with its clocks on the day asked. */
export async function concernsOfSchool(manager: EntityManager, schoolId: string, today: string) {
  const rows: ConcernRow[] = await manager.query(
    `SELECT c.concern_id AS "concernId", c.child_id AS "childId", r.given_name AS "givenName", r.family_name AS "familyName", c.raised_by AS "raisedBy",
            c.raised_at AS "raisedAt", c.status, c.dsl_outcome AS "dslOutcome", c.reviewed_on::text AS "reviewedOn", c.referred_on::text AS "referredOn", c.clocks
       FROM read_models.concerns c JOIN read_models.child_records r ON r.child_id = c.child_id
      WHERE r.school_id = $1
      ORDER BY c.raised_at DESC, c.concern_id`,
    [schoolId],
  );
  return rows.map((row) => withClockStates(row, today));
}
