import type { EntityManager } from 'typeorm';
import { clockStatus } from '@app/domain/concern/clocks';
import type { ClockState } from '@app/domain/concern/state';


const CONCERN = `
  concern_id AS "concernId", child_id AS "childId", raised_by AS "raisedBy", seen_or_heard AS "seenOrHeard", raised_at AS "raisedAt", status,
  dsl_outcome AS "dslOutcome", dsl_reasons AS "dslReasons", reviewed_on::text AS "reviewedOn", referral, referred_on::text AS "referredOn", decision, assessment,
  strategy_discussion AS "strategyDiscussion", conferences, core_groups AS "coreGroups", reports, clocks, revision`;

/** Each clock with its state on the day asked. */
const withClockStates = (row: Record<string, unknown> & { clocks: ClockState[] }, today: string) => ({
  ...row,
  clocks: row.clocks.map((c) => ({ ...c, state: clockStatus(c, today) })),
});

export async function concern(manager: EntityManager, concernId: string, today: string) {
  const [row] = await manager.query(`SELECT ${CONCERN} FROM read_models.concerns WHERE concern_id = $1`, [concernId]);
  return row ? withClockStates(row, today) : null;
}

/** Children's social care: the referrals and concerns it received, with conference and core-group reports and the clocks. */
export async function referralsToSocialCare(manager: EntityManager, today: string) {
  const rows = await manager.query(
    `SELECT concern_id AS "concernId", child_id AS "childId", referral, referred_on::text AS "referredOn", status, decision, assessment,
            strategy_discussion AS "strategyDiscussion", conferences, core_groups AS "coreGroups", reports, clocks, revision
       FROM read_models.concerns WHERE referred_on IS NOT NULL ORDER BY referred_on, concern_id`,
  );
  return rows.map((row: Record<string, unknown> & { clocks: ClockState[] }) => withClockStates(row, today));
}
