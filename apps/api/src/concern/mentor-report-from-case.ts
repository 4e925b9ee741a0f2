import { BadRequestException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type MentorAccount, mentorReportFrom } from '@app/domain';
import type { MentorReport } from '@app/domain';

/**
 * 003 §1c: the mentor's report, its reason for referral, sessions and areas of work read
 * from the learning-mentor case; the rest is the mentor's own account.
 */
export async function mentorReportFromCase(
  manager: EntityManager,
  childId: string,
  referralId: unknown,
  account: MentorAccount,
): Promise<MentorReport> {
  const [found] =
    typeof referralId === 'string'
      ? await manager.query(
          `SELECT reasons, sessions_attended, sessions_missed FROM read_models.mentor_cases WHERE referral_id = $1 AND child_id = $2`,
          [referralId, childId],
        )
      : [];
  if (!found)
    throw new BadRequestException({
      error: 'Bad Request',
      rule: 'concern.mentor-case',
      message: "referralId must name this child's learning-mentor case",
      field: 'referralId',
    });
  const targets: Array<{ description: string | null }> = await manager.query(
    `SELECT description FROM read_models.mentor_case_targets WHERE referral_id = $1 ORDER BY set_on, target_id`,
    [referralId],
  );
  return mentorReportFrom(
    {
      reasons: found.reasons ?? [],
      sessionsAttended: found.sessions_attended,
      sessionsMissed: found.sessions_missed,
      targets: targets.map((t) => t.description ?? '').filter((t) => t !== ''),
    },
    { ...account, signposting: Array.isArray(account.signposting) ? account.signposting : [] },
  );
}
