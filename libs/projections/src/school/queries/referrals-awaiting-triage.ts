import type { EntityManager } from 'typeorm';
import { CHILD_COLUMNS, CHILD_JOIN, type ChildOnList } from './child-columns';

export interface ReferralAwaitingTriage extends ChildOnList {
  readonly referralId: string;
  readonly referredOn: string;
  readonly source: string;
  readonly reasons: string[] | null;
  /** 001: the register needs the Primary Assessment Profile; triage can see it is missing. */
  readonly profileComplete: boolean;
  readonly attendanceAtReferral: number | null;
  readonly behaviourAtReferral: number | null;
}

/** The SENCo's triage list for a school, oldest referral first. */
export async function referralsAwaitingTriage(manager: EntityManager, query: { schoolId: string }): Promise<ReferralAwaitingTriage[]> {
  return manager.query(
    `SELECT mc.referral_id AS "referralId", mc.child_id AS "childId", ${CHILD_COLUMNS},
            mc.referred_on::text AS "referredOn", mc.source, mc.reasons, mc.profile_complete AS "profileComplete",
            mc.attendance_at_referral AS "attendanceAtReferral", mc.behaviour_at_referral AS "behaviourAtReferral"
       FROM read_models.mentor_cases mc ${CHILD_JOIN}
      WHERE mc.school_id = $1 AND mc.stage = 'awaiting-triage'
      ORDER BY mc.referred_on, mc.referral_id`,
    [query.schoolId],
  );
}
