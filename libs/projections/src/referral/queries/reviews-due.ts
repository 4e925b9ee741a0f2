import type { EntityManager } from 'typeorm';
import { endOfWeek } from '@app/domain';
import { CHILD_COLUMNS, CHILD_JOIN, type ChildOnList } from './child-columns';

export interface ReviewDue extends ChildOnList {
  readonly referralId: string;
  readonly mentorId: string;
  readonly nextReviewOn: string;
  readonly lastReviewOn: string | null;
}

export interface ReviewsDue {
  readonly asOf: string;
  readonly weekEndsOn: string;
  /** Due from `asOf` to the Sunday of that week. */
  readonly dueThisWeek: ReviewDue[];
  /** Due before `asOf` and not yet held. */
  readonly overdue: ReviewDue[];
}

/**
 * Reviews at the date the action plan or the last review set (003 Box 1, Box 28),
 * measured against the day the caller passes in: nothing here reads a clock.
 */
export async function reviewsDue(
  manager: EntityManager,
  query: { schoolId: string; asOf: string; mentorId?: string },
): Promise<ReviewsDue> {
  const weekEndsOn = endOfWeek(query.asOf);
  const rows: Array<ReviewDue & { overdue: boolean }> = await manager.query(
    `SELECT mc.referral_id AS "referralId", mc.child_id AS "childId", ${CHILD_COLUMNS}, mc.mentor_id AS "mentorId",
            mc.next_review_on::text AS "nextReviewOn", mc.last_review_on::text AS "lastReviewOn",
            mc.next_review_on < $2::date AS overdue
       FROM read_models.mentor_cases mc ${CHILD_JOIN}
      WHERE mc.school_id = $1 AND mc.stage = 'on-register' AND mc.next_review_on <= $3::date
        AND ($4::text IS NULL OR mc.mentor_id = $4)
      ORDER BY mc.next_review_on, mc.referral_id`,
    [query.schoolId, query.asOf, weekEndsOn, query.mentorId ?? null],
  );
  const strip = ({ overdue: _o, ...row }: ReviewDue & { overdue: boolean }): ReviewDue => row;
  return {
    asOf: query.asOf,
    weekEndsOn,
    dueThisWeek: rows.filter((r) => !r.overdue).map(strip),
    overdue: rows.filter((r) => r.overdue).map(strip),
  };
}
