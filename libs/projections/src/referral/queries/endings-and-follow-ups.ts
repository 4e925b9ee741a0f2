import type { EntityManager } from 'typeorm';
import { addDays } from '@app/domain';
import { CHILD_COLUMNS, CHILD_JOIN, type ChildOnList } from './child-columns';

export interface EndingInProgress extends ChildOnList {
  readonly referralId: string;
  readonly mentorId: string;
  readonly plannedOn: string;
  readonly endOn: string;
  /** Sessions still to come before the ending (planned 3 to 7 ahead, 003 §1a), less those held since. */
  readonly sessionsLeft: number;
  /** The last session falls within the window. */
  readonly endingSoon: boolean;
}

export interface FollowUpDue extends ChildOnList {
  readonly referralId: string;
  readonly mentorId: string;
  readonly closedOn: string;
  readonly followUpDueOn: string;
  readonly overdue: boolean;
}

export interface EndingsAndFollowUps {
  readonly asOf: string;
  readonly withinDays: number;
  readonly endings: EndingInProgress[];
  readonly followUpsDue: FollowUpDue[];
}

/**
 * Cases being faded out, and closed cases whose follow-up (003 §1a: "continue to monitor
 * and track progress following the ending") falls due within `withinDays` of `asOf` or
 * is overdue, with no follow-up recorded since it was set.
 */
export async function endingsAndFollowUpsDue(
  manager: EntityManager,
  query: { schoolId: string; asOf: string; withinDays?: number; mentorId?: string },
): Promise<EndingsAndFollowUps> {
  const withinDays = query.withinDays ?? 7;
  const horizon = addDays(query.asOf, withinDays);
  const mentor = query.mentorId ?? null;
  const endings: EndingInProgress[] = await manager.query(
    `SELECT mc.referral_id AS "referralId", mc.child_id AS "childId", ${CHILD_COLUMNS}, mc.mentor_id AS "mentorId",
            mc.ending_planned_on::text AS "plannedOn", mc.ending_end_on::text AS "endOn",
            GREATEST(mc.ending_sessions_remaining - mc.sessions_since_ending_planned, 0)::int AS "sessionsLeft",
            mc.ending_end_on <= $2::date AS "endingSoon"
       FROM read_models.mentor_cases mc ${CHILD_JOIN}
      WHERE mc.school_id = $1 AND mc.stage = 'on-register' AND mc.ending_planned_on IS NOT NULL
        AND ($3::text IS NULL OR mc.mentor_id = $3)
      ORDER BY mc.ending_end_on, mc.referral_id`,
    [query.schoolId, horizon, mentor],
  );
  const followUpsDue: FollowUpDue[] = await manager.query(
    `SELECT mc.referral_id AS "referralId", mc.child_id AS "childId", ${CHILD_COLUMNS}, mc.mentor_id AS "mentorId",
            mc.closed_on::text AS "closedOn", mc.follow_up_due_on::text AS "followUpDueOn",
            mc.follow_up_due_on < $2::date AS overdue
       FROM read_models.mentor_cases mc ${CHILD_JOIN}
      WHERE mc.school_id = $1 AND mc.stage = 'closed' AND mc.follow_up_due_on IS NOT NULL
        AND mc.follow_up_due_on <= $3::date
        AND (mc.last_follow_up_on IS NULL OR mc.last_follow_up_on < mc.closed_on)
        AND ($4::text IS NULL OR mc.mentor_id = $4)
      ORDER BY mc.follow_up_due_on, mc.referral_id`,
    [query.schoolId, query.asOf, horizon, mentor],
  );
  return { asOf: query.asOf, withinDays, endings, followUpsDue };
}
