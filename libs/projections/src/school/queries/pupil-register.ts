import type { EntityManager } from 'typeorm';
import { CHILD_COLUMNS, CHILD_JOIN, type CasePhase, type ChildOnList, PHASE } from './child-columns';

export interface RegisterEntry extends ChildOnList {
  readonly referralId: string;
  readonly mentorId: string;
  readonly workMode: 'one-to-one' | 'group';
  readonly priority: string;
  readonly levelOfNeed: number;
  readonly baeCategory: string;
  readonly placedOn: string;
  readonly phase: CasePhase;
  readonly interventionLength: string | null;
  readonly nextReviewOn: string | null;
  readonly sessionsAttended: number;
  readonly sessionsMissed: number;
}

const PRIORITY_ORDER = `CASE mc.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`;

/** The Learning Mentor Pupil Register (001): every child placed on it and not yet exited, by priority. */
export async function learningMentorPupilRegister(manager: EntityManager, query: { schoolId: string; mentorId?: string }): Promise<RegisterEntry[]> {
  return manager.query(
    `SELECT mc.referral_id AS "referralId", mc.child_id AS "childId", ${CHILD_COLUMNS},
            mc.mentor_id AS "mentorId", mc.work_mode AS "workMode", mc.priority, mc.level_of_need AS "levelOfNeed",
            mc.bae_category AS "baeCategory", mc.triaged_on::text AS "placedOn", ${PHASE} AS phase,
            mc.intervention_length AS "interventionLength", mc.next_review_on::text AS "nextReviewOn",
            mc.sessions_attended AS "sessionsAttended", mc.sessions_missed AS "sessionsMissed"
       FROM read_models.mentor_cases mc ${CHILD_JOIN}
      WHERE mc.school_id = $1 AND mc.stage = 'on-register' AND ($2::text IS NULL OR mc.mentor_id = $2)
      ORDER BY ${PRIORITY_ORDER}, mc.triaged_on, mc.referral_id`,
    [query.schoolId, query.mentorId ?? null],
  );
}
