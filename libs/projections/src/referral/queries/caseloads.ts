import type { EntityManager } from 'typeorm';
import { CHILD_COLUMNS, CHILD_JOIN, type CasePhase, type ChildOnList, PHASE } from './child-columns';

/**
 * 003 §4e: a full-time mentor carries about ten to fifteen one-to-one cases; group and
 * drop-in work is not caseload. Above fifteen the caseload is flagged, never hidden.
 */
export const ONE_TO_ONE_CASELOAD_LIMIT = 15;

export interface MentorCaseloadSummary {
  readonly mentorId: string;
  /** Open one-to-one cases across every school the mentor works in. */
  readonly oneToOneCount: number;
  readonly groupCount: number;
  readonly overloaded: boolean;
  readonly byPriority: { readonly high: number; readonly medium: number; readonly low: number };
}

interface SummaryRow {
  mentorId: string;
  oneToOne: string;
  group: string;
  high: string;
  medium: string;
  low: string;
}

/** Each mentor with an open case at the school (or everywhere), counted across all their schools. */
export async function mentorCaseloads(
  manager: EntityManager,
  query: { schoolId?: string } = {},
): Promise<MentorCaseloadSummary[]> {
  const rows: SummaryRow[] = await manager.query(
    `SELECT mc.mentor_id AS "mentorId",
            count(*) FILTER (WHERE mc.work_mode = 'one-to-one') AS "oneToOne",
            count(*) FILTER (WHERE mc.work_mode = 'group') AS "group",
            count(*) FILTER (WHERE mc.work_mode = 'one-to-one' AND mc.priority = 'high') AS high,
            count(*) FILTER (WHERE mc.work_mode = 'one-to-one' AND mc.priority = 'medium') AS medium,
            count(*) FILTER (WHERE mc.work_mode = 'one-to-one' AND mc.priority = 'low') AS low
       FROM read_models.mentor_cases mc
      WHERE mc.stage = 'on-register'
        AND ($1::text IS NULL OR mc.mentor_id IN (SELECT mentor_id FROM read_models.mentor_cases WHERE school_id = $1 AND stage = 'on-register'))
      GROUP BY mc.mentor_id
      ORDER BY count(*) FILTER (WHERE mc.work_mode = 'one-to-one') DESC, mc.mentor_id`,
    [query.schoolId ?? null],
  );
  return rows.map((row) => {
    const oneToOneCount = Number(row.oneToOne);
    return {
      mentorId: row.mentorId,
      oneToOneCount,
      groupCount: Number(row.group),
      overloaded: oneToOneCount > ONE_TO_ONE_CASELOAD_LIMIT,
      byPriority: { high: Number(row.high), medium: Number(row.medium), low: Number(row.low) },
    };
  });
}

export interface CaseloadEntry extends ChildOnList {
  readonly referralId: string;
  readonly schoolId: string;
  readonly workMode: 'one-to-one' | 'group';
  readonly priority: string;
  readonly phase: CasePhase;
  readonly nextReviewOn: string | null;
  readonly oneToOneSessions: number;
  readonly groupSessions: number;
  readonly dropInSessions: number;
  readonly lastSessionOn: string | null;
}

export interface MentorCaseload extends MentorCaseloadSummary {
  readonly cases: CaseloadEntry[];
}

/** One mentor's open cases, one-to-one first, then by priority. */
export async function mentorCaseload(manager: EntityManager, query: { mentorId: string }): Promise<MentorCaseload> {
  const cases: CaseloadEntry[] = await manager.query(
    `SELECT mc.referral_id AS "referralId", mc.child_id AS "childId", ${CHILD_COLUMNS}, mc.school_id AS "schoolId",
            mc.work_mode AS "workMode", mc.priority, ${PHASE} AS phase, mc.next_review_on::text AS "nextReviewOn",
            mc.one_to_one_sessions AS "oneToOneSessions", mc.group_sessions AS "groupSessions",
            mc.drop_in_sessions AS "dropInSessions", mc.last_session_on::text AS "lastSessionOn"
       FROM read_models.mentor_cases mc ${CHILD_JOIN}
      WHERE mc.mentor_id = $1 AND mc.stage = 'on-register'
      ORDER BY mc.work_mode = 'one-to-one' DESC, CASE mc.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, mc.referral_id`,
    [query.mentorId],
  );
  const oneToOne = cases.filter((c) => c.workMode === 'one-to-one');
  const count = (priority: string) => oneToOne.filter((c) => c.priority === priority).length;
  return {
    mentorId: query.mentorId,
    oneToOneCount: oneToOne.length,
    groupCount: cases.length - oneToOne.length,
    overloaded: oneToOne.length > ONE_TO_ONE_CASELOAD_LIMIT,
    byPriority: { high: count('high'), medium: count('medium'), low: count('low') },
    cases,
  };
}
