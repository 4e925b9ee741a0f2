import type { EntityManager } from 'typeorm';
import { MentorCase } from '../mentor-case.entity';

/** One case as the read model holds it, with its revision for If-Match; null if unknown. */
export async function mentorCaseRecord(manager: EntityManager, referralId: string): Promise<MentorCase | null> {
  return manager.getRepository(MentorCase).findOne({ where: { referralId } });
}

export interface ChildsCase {
  readonly referralId: string;
  readonly schoolId: string;
  readonly mentorId: string | null;
  readonly stage: string;
  readonly referredOn: string;
}

/**
 * Every learning-mentor case of a child, newest first: what the access layer needs to
 * decide "on the caseload" relationships, and what a child's record lists.
 */
export async function mentorCasesOfChild(manager: EntityManager, childId: string): Promise<ChildsCase[]> {
  return manager.query(
    `SELECT referral_id AS "referralId", school_id AS "schoolId", mentor_id AS "mentorId", stage, referred_on::text AS "referredOn"
       FROM read_models.mentor_cases WHERE child_id = $1 ORDER BY referred_on DESC, referral_id`,
    [childId],
  );
}
