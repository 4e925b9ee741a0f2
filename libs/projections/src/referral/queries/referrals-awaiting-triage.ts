import type { EntityManager } from 'typeorm';
import { type KeysetList, type Page, type PageRequest, readAll, readPage } from '../../paging';
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

/** The SENCo's triage list for a school, oldest referral first; $1 the school. */
export const REFERRALS_AWAITING_TRIAGE: KeysetList = {
  columns: `mc.referral_id AS "referralId", mc.child_id AS "childId", ${CHILD_COLUMNS},
            mc.referred_on::text AS "referredOn", mc.source, mc.reasons, mc.profile_complete AS "profileComplete",
            mc.attendance_at_referral AS "attendanceAtReferral", mc.behaviour_at_referral AS "behaviourAtReferral"`,
  from: `read_models.mentor_cases mc ${CHILD_JOIN}`,
  child: 'mc.child_id',
  where: `mc.school_id = $1 AND mc.stage = 'awaiting-triage'`,
  key: [
    { sql: 'mc.referred_on', type: 'date' },
    { sql: 'mc.referral_id', type: 'text' },
  ],
};

export async function referralsAwaitingTriage(
  manager: EntityManager,
  query: { schoolId: string },
): Promise<ReferralAwaitingTriage[]> {
  return readAll(manager, REFERRALS_AWAITING_TRIAGE, [query.schoolId]);
}

/** One page of the triage list, with the list's length. */
export async function referralsAwaitingTriagePage(
  manager: EntityManager,
  query: { schoolId: string },
  page: PageRequest,
): Promise<Page<ReferralAwaitingTriage>> {
  return readPage(manager, REFERRALS_AWAITING_TRIAGE, [query.schoolId], page);
}
