import { type EntityManager, In, IsNull, Not } from 'typeorm';
import type { AgendaCandidate } from '@app/domain';
import type { LevelOfNeed } from '@app/domain';
import { MastAgendaItem } from './mast-agenda-item.entity';
import { MastDeadlineRow } from './mast-deadline-row.entity';
import { MastPanelRow } from './mast-panel-row.entity';
import { MastRequestRow } from './mast-request-row.entity';

/**
 * Reads for the MAST panel's controllers. Each takes the EntityManager it reads through
 * (the access policy and the read audit wrap them in the API); "today" always comes in.
 */

export interface PanelAgenda {
  readonly panel: MastPanelRow;
  readonly items: MastAgendaItem[];
}

export async function panelAgenda(manager: EntityManager, panelDate: string): Promise<PanelAgenda | null> {
  const panel = await manager.getRepository(MastPanelRow).findOneBy({ panelDate });
  if (!panel) return null;
  const items = await manager.getRepository(MastAgendaItem).find({ where: { panelDate }, order: { position: 'ASC' } });
  return { panel, items };
}

/** Every decision recorded in a meeting, oldest first, optionally within panel days [from, to]. */
export async function panelDecisionLog(
  manager: EntityManager,
  range: { from?: string; to?: string } = {},
): Promise<MastAgendaItem[]> {
  const query = manager
    .getRepository(MastAgendaItem)
    .createQueryBuilder('item')
    .where('item.outcome IS NOT NULL')
    .orderBy('item.panel_date', 'ASC')
    .addOrderBy('item.decided_at', 'ASC');
  if (range.from) query.andWhere('item.panel_date >= :from', { from: range.from });
  if (range.to) query.andWhere('item.panel_date <= :to', { to: range.to });
  return query.getMany();
}

/** The decisions on one request across panels (a deferral, then an acceptance). */
export function requestDecisions(manager: EntityManager, requestId: string): Promise<MastAgendaItem[]> {
  return manager
    .getRepository(MastAgendaItem)
    .find({ where: { requestId, outcome: Not(IsNull()) }, order: { panelDate: 'ASC' } });
}

/** What the co-ordinator passes to SetPanelAgenda: requests received or deferred, not yet listed. */
export async function requestsAwaitingPanel(manager: EntityManager): Promise<AgendaCandidate[]> {
  const rows = await manager
    .getRepository(MastRequestRow)
    .find({ where: { status: In(['received', 'deferred']) }, order: { receivedAt: 'ASC' } });
  return rows.map((r) => ({
    requestId: r.requestId,
    childId: r.childId,
    schoolId: r.schoolId,
    levelOfNeed: r.levelOfNeed as LevelOfNeed,
    receivedAt: r.receivedAt.toISOString(),
    ...(r.status === 'deferred' ? { returning: true } : {}),
  }));
}

export function mastRequest(manager: EntityManager, requestId: string): Promise<MastRequestRow | null> {
  return manager.getRepository(MastRequestRow).findOneBy({ requestId });
}

/** One key worker's (or family learning mentor's) open MAST cases. */
export function keyWorkerCaseload(manager: EntityManager, workerId: string): Promise<MastRequestRow[]> {
  return manager
    .getRepository(MastRequestRow)
    .find({ where: { workerId, status: 'allocated' }, order: { decidedOn: 'ASC', requestId: 'ASC' } });
}

export interface CaseloadCount {
  readonly workerId: string;
  readonly workerKind: string;
  readonly openCases: number;
  readonly awaitingFirstContact: number;
}

/** Every worker's open caseload, largest first: overload is visible, not silently accepted. */
export async function keyWorkerCaseloads(manager: EntityManager): Promise<CaseloadCount[]> {
  const rows: Array<{ worker_id: string; worker_kind: string; open_cases: string; awaiting: string }> =
    await manager.query(`
    SELECT worker_id, worker_kind, count(*) AS open_cases, count(*) FILTER (WHERE first_contact_on IS NULL) AS awaiting
      FROM read_models.mast_requests
     WHERE status = 'allocated' AND worker_id IS NOT NULL
     GROUP BY worker_id, worker_kind
     ORDER BY count(*) DESC, worker_id`);
  return rows.map((r) => ({
    workerId: r.worker_id,
    workerKind: r.worker_kind,
    openCases: Number(r.open_cases),
    awaitingFirstContact: Number(r.awaiting),
  }));
}

/**
 * due: open, due today or later; overdue: open and past its day with no breach on record;
 * breached: a breach recorded (met late, or recorded while still open); met: on time.
 */
export type DeadlineState = 'due' | 'overdue' | 'breached' | 'met';

export interface DeadlineItem {
  readonly requestId: string;
  readonly childId: string;
  readonly deadline: 'response' | 'first-contact';
  readonly startedOn: string;
  readonly dueBy: string;
  readonly owner: { readonly userId: string; readonly agencyId: string; readonly role: string };
  readonly state: DeadlineState;
  readonly open: boolean;
  readonly metOn: string | null;
  readonly metOnWorkingDay: number | null;
  readonly breachReason: string | null;
}

export const deadlineState = (
  row: Pick<MastDeadlineRow, 'breached' | 'metOn' | 'dueBy'>,
  today: string,
): DeadlineState => (row.breached ? 'breached' : row.metOn !== null ? 'met' : row.dueBy < today ? 'overdue' : 'due');

export interface DeadlineFilter {
  readonly today: string;
  readonly ownerUserId?: string;
  readonly states?: readonly DeadlineState[];
}

/** Response and first-contact deadlines with their owners, soonest first. */
export async function mastDeadlines(manager: EntityManager, filter: DeadlineFilter): Promise<DeadlineItem[]> {
  const rows = await manager.getRepository(MastDeadlineRow).find({
    where: filter.ownerUserId ? { ownerUserId: filter.ownerUserId } : {},
    order: { dueBy: 'ASC', requestId: 'ASC', deadline: 'ASC' },
  });
  return rows
    .map((row) => ({
      requestId: row.requestId,
      childId: row.childId,
      deadline: row.deadline as DeadlineItem['deadline'],
      startedOn: row.startedOn,
      dueBy: row.dueBy,
      owner: { userId: row.ownerUserId, agencyId: row.ownerAgencyId, role: row.ownerRole },
      state: deadlineState(row, filter.today),
      open: row.metOn === null,
      metOn: row.metOn,
      metOnWorkingDay: row.metOnWorkingDay,
      breachReason: row.breachReason,
    }))
    .filter((item) => !filter.states || filter.states.includes(item.state));
}

/** The requests on one panel's agenda, for its pack: one read instead of one per item. */
export function mastRequestsOf(manager: EntityManager, requestIds: readonly string[]): Promise<MastRequestRow[]> {
  return requestIds.length === 0
    ? Promise.resolve([])
    : manager.getRepository(MastRequestRow).findBy({ requestId: In([...requestIds]) });
}
