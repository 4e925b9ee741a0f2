import type { EntityManager } from 'typeorm';
import { FINISHED_ACTION_STATUSES } from '@app/domain';
import { CafAction } from './caf-action.entity';
import { CafCase } from './caf-case.entity';
import { CafContribution } from './caf-contribution.entity';
import { CafFamilyCopy } from './caf-family-copy.entity';
import { CafTeamMember } from './caf-team-member.entity';
import type { FamilyCopy } from './family-copy';

/**
 * Reads for the CAF controllers. "today" always comes in: whether an action or a review
 * is overdue is a question about a day, not something stored.
 */

export type PlanAction = CafAction & { readonly overdue: boolean };

export interface AgencyActions {
  readonly agencyId: string;
  readonly open: number;
  readonly overdue: number;
  readonly finished: number;
}

export interface LeadProfessionalView {
  readonly caf: CafCase;
  readonly team: CafTeamMember[];
  readonly actions: PlanAction[];
  readonly overdueActions: PlanAction[];
  readonly byAgency: AgencyActions[];
  readonly nextReviewOn: string | null;
  readonly reviewOverdue: boolean;
}

const isOpen = (a: CafAction) => !FINISHED_ACTION_STATUSES.includes(a.status as never);
const withOverdue = (a: CafAction, today: string): PlanAction =>
  Object.assign(a, { overdue: isOpen(a) && a.dueBy < today });

/** The lead professional's view (003 §3b): team members, actions across agencies, overdue actions, next review. */
export async function leadProfessionalView(
  manager: EntityManager,
  cafId: string,
  today: string,
): Promise<LeadProfessionalView | null> {
  const caf = await manager.getRepository(CafCase).findOneBy({ cafId });
  if (!caf) return null;
  const team = await manager
    .getRepository(CafTeamMember)
    .find({ where: { cafId }, order: { joinedOn: 'ASC', userId: 'ASC' } });
  const actions = (
    await manager.getRepository(CafAction).find({ where: { cafId }, order: { dueBy: 'ASC', actionId: 'ASC' } })
  ).map((a) => withOverdue(a, today));
  const agencies = [...new Set(actions.map((a) => a.ownerAgencyId))].sort();
  return {
    caf,
    team,
    actions,
    overdueActions: actions.filter((a) => a.overdue),
    byAgency: agencies.map((agencyId) => {
      const owned = actions.filter((a) => a.ownerAgencyId === agencyId);
      return {
        agencyId,
        open: owned.filter(isOpen).length,
        overdue: owned.filter((a) => a.overdue).length,
        finished: owned.filter((a) => !isOpen(a)).length,
      };
    }),
    nextReviewOn: caf.nextReviewOn,
    reviewOverdue: caf.status !== 'closed' && caf.nextReviewOn !== null && caf.nextReviewOn < today,
  };
}

export interface LedCase {
  readonly cafId: string;
  readonly childId: string;
  readonly status: string;
  readonly nextReviewOn: string | null;
  readonly overdueActions: number;
}

/** The CAFs a practitioner leads now. */
export async function cafsLedBy(manager: EntityManager, userId: string, today: string): Promise<LedCase[]> {
  const rows: Array<{
    caf_id: string;
    child_id: string;
    status: string;
    next_review_on: string | null;
    overdue: string;
  }> = await manager.query(
    `SELECT c.caf_id, c.child_id, c.status, to_char(c.next_review_on, 'YYYY-MM-DD') AS next_review_on,
            count(a.action_id) FILTER (WHERE a.due_by < $2::date AND a.status <> ALL($3)) AS overdue
       FROM read_models.caf_cases c
       LEFT JOIN read_models.caf_actions a ON a.caf_id = c.caf_id
      WHERE c.lead_professional_user_id = $1 AND c.status <> 'closed'
      GROUP BY c.caf_id
      ORDER BY c.next_review_on NULLS LAST, c.caf_id`,
    [userId, today, FINISHED_ACTION_STATUSES],
  );
  return rows.map((r) => ({
    cafId: r.caf_id,
    childId: r.child_id,
    status: r.status,
    nextReviewOn: r.next_review_on,
    overdueActions: Number(r.overdue),
  }));
}

/** The practitioners' record of contributions; superseded ones only when asked for. */
export function cafContributions(
  manager: EntityManager,
  cafId: string,
  options: { includeSuperseded?: boolean } = {},
): Promise<CafContribution[]> {
  const query = manager
    .getRepository(CafContribution)
    .createQueryBuilder('c')
    .where('c.caf_id = :cafId', { cafId })
    .orderBy('c.recorded_on', 'ASC')
    .addOrderBy('c.contribution_id', 'ASC');
  if (!options.includeSuperseded) query.andWhere('c.superseded_by IS NULL');
  return query.getMany();
}

/** The family-held copy: only what the family may see. */
export async function familyCopy(manager: EntityManager, cafId: string): Promise<FamilyCopy | null> {
  return (await manager.getRepository(CafFamilyCopy).findOneBy({ cafId }))?.document ?? null;
}
