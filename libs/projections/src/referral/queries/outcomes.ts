import type { EntityManager } from 'typeorm';
import { CHILD_COLUMNS, CHILD_JOIN, type ChildOnList } from './child-columns';

export interface CaseOutcome extends ChildOnList {
  readonly referralId: string;
  readonly mentorId: string;
  readonly referredOn: string;
  readonly closedOn: string;
  readonly closeReason: string;
  /** From the Primary Assessment Profile, or the assessment's baseline when the profile is erased or absent. */
  readonly attendanceAtReferral: number | null;
  readonly attendanceAtExit: number | null;
  readonly attendanceChange: number | null;
  readonly behaviourIncidentsAtReferral: number | null;
  readonly behaviourIncidentsAtExit: number | null;
  readonly behaviourIncidentsChange: number | null;
  readonly sessionsAttended: number;
  readonly sessionsMissed: number;
  readonly followUpOutcome: string | null;
}

const OUTCOME_COLUMNS = `
  COALESCE(mc.attendance_at_referral, mc.baseline_attendance) AS "attendanceAtReferral",
  mc.attendance_at_exit AS "attendanceAtExit",
  mc.attendance_at_exit - COALESCE(mc.attendance_at_referral, mc.baseline_attendance) AS "attendanceChange",
  COALESCE(mc.behaviour_at_referral, mc.baseline_behaviour) AS "behaviourIncidentsAtReferral",
  mc.behaviour_at_exit AS "behaviourIncidentsAtExit",
  mc.behaviour_at_exit - COALESCE(mc.behaviour_at_referral, mc.baseline_behaviour) AS "behaviourIncidentsChange"`;

/** 002: progress shown numerically — attendance and behaviour incidents at referral against exit, per closed case. */
export async function caseOutcomes(
  manager: EntityManager,
  query: { schoolId: string } | { referralId: string },
): Promise<CaseOutcome[]> {
  const bySchool = 'schoolId' in query;
  return manager.query(
    `SELECT mc.referral_id AS "referralId", mc.child_id AS "childId", ${CHILD_COLUMNS}, mc.mentor_id AS "mentorId",
            mc.referred_on::text AS "referredOn", mc.closed_on::text AS "closedOn", mc.close_reason AS "closeReason",
            ${OUTCOME_COLUMNS},
            mc.sessions_attended AS "sessionsAttended", mc.sessions_missed AS "sessionsMissed", mc.follow_up_outcome AS "followUpOutcome"
       FROM read_models.mentor_cases mc ${CHILD_JOIN}
      WHERE mc.stage = 'closed' AND ${bySchool ? 'mc.school_id' : 'mc.referral_id'} = $1
      ORDER BY mc.closed_on, mc.referral_id`,
    [bySchool ? query.schoolId : query.referralId],
  );
}

export interface SchoolOutcomes {
  readonly schoolId: string;
  readonly casesClosed: number;
  /** Cases with both measures recorded, the ones the averages are over. */
  readonly casesMeasured: number;
  readonly averageAttendanceAtReferral: number | null;
  readonly averageAttendanceAtExit: number | null;
  readonly casesWithAttendanceImproved: number;
  readonly averageBehaviourIncidentsAtReferral: number | null;
  readonly averageBehaviourIncidentsAtExit: number | null;
  readonly casesWithFewerIncidents: number;
}

/** The school's learning-mentor outcomes over closed cases, optionally within a closing period. */
export async function schoolOutcomes(
  manager: EntityManager,
  query: { schoolId: string; closedFrom?: string; closedTo?: string },
): Promise<SchoolOutcomes> {
  const [row] = await manager.query(
    `WITH measured AS (
       SELECT ${OUTCOME_COLUMNS} FROM read_models.mentor_cases mc
        WHERE mc.school_id = $1 AND mc.stage = 'closed'
          AND ($2::date IS NULL OR mc.closed_on >= $2::date) AND ($3::date IS NULL OR mc.closed_on <= $3::date))
     SELECT count(*)::int AS "casesClosed",
            count(*) FILTER (WHERE "attendanceChange" IS NOT NULL AND "behaviourIncidentsChange" IS NOT NULL)::int AS "casesMeasured",
            round(avg("attendanceAtReferral") FILTER (WHERE "attendanceChange" IS NOT NULL)::numeric, 1)::float AS "averageAttendanceAtReferral",
            round(avg("attendanceAtExit") FILTER (WHERE "attendanceChange" IS NOT NULL)::numeric, 1)::float AS "averageAttendanceAtExit",
            count(*) FILTER (WHERE "attendanceChange" > 0)::int AS "casesWithAttendanceImproved",
            round(avg("behaviourIncidentsAtReferral") FILTER (WHERE "behaviourIncidentsChange" IS NOT NULL)::numeric, 1)::float AS "averageBehaviourIncidentsAtReferral",
            round(avg("behaviourIncidentsAtExit") FILTER (WHERE "behaviourIncidentsChange" IS NOT NULL)::numeric, 1)::float AS "averageBehaviourIncidentsAtExit",
            count(*) FILTER (WHERE "behaviourIncidentsChange" < 0)::int AS "casesWithFewerIncidents"
       FROM measured`,
    [query.schoolId, query.closedFrom ?? null, query.closedTo ?? null],
  );
  return { schoolId: query.schoolId, ...row };
}
