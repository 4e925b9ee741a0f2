import type { EntityManager } from 'typeorm';
import { type KeysetList, type Page, type PageRequest, readAll, readPage } from '../../paging';
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

/** The order of the register; the same expression is indexed (migration 1766300000000), so a page reads only its rows. */
export const PRIORITY_RANK = `(CASE mc.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END)`;

/** The Learning Mentor Pupil Register (001): every child placed on it and not yet exited, by priority; $1 the school, $2 a mentor or null. */
export const PUPIL_REGISTER: KeysetList = {
  columns: `mc.referral_id AS "referralId", mc.child_id AS "childId", ${CHILD_COLUMNS},
            mc.mentor_id AS "mentorId", mc.work_mode AS "workMode", mc.priority, mc.level_of_need AS "levelOfNeed",
            mc.bae_category AS "baeCategory", mc.triaged_on::text AS "placedOn", ${PHASE} AS phase,
            mc.intervention_length AS "interventionLength", mc.next_review_on::text AS "nextReviewOn",
            mc.sessions_attended AS "sessionsAttended", mc.sessions_missed AS "sessionsMissed"`,
  from: `read_models.mentor_cases mc ${CHILD_JOIN}`,
  child: 'mc.child_id',
  where: `mc.school_id = $1 AND mc.stage = 'on-register' AND ($2::text IS NULL OR mc.mentor_id = $2)`,
  key: [
    { sql: PRIORITY_RANK, type: 'int' },
    { sql: 'mc.triaged_on', type: 'date' },
    { sql: 'mc.referral_id', type: 'text' },
  ],
};

type RegisterQuery = { schoolId: string; mentorId?: string };
const paramsOf = (query: RegisterQuery) => [query.schoolId, query.mentorId ?? null];

export async function learningMentorPupilRegister(
  manager: EntityManager,
  query: RegisterQuery,
): Promise<RegisterEntry[]> {
  return readAll(manager, PUPIL_REGISTER, paramsOf(query));
}

/** One page of the register, with the register's length. */
export async function pupilRegisterPage(
  manager: EntityManager,
  query: RegisterQuery,
  page: PageRequest,
): Promise<Page<RegisterEntry>> {
  return readPage(manager, PUPIL_REGISTER, paramsOf(query), page);
}
