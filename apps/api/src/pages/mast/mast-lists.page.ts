import { Controller, Get, Inject, Param, Query, Render, Req } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { mastPolicies } from '@app/access';
import { dayOf } from '@app/domain';
import {
  type DeadlineState,
  keyWorkerCaseload,
  keyWorkerCaseloads,
  mastDeadlines,
  panelDecisionLog,
} from '@app/projections';
import { Policy } from '../../access/policy.decorator';
import { DayPipe } from '../../mast/day.pipe';
import { CLOCK } from '../../http/tokens';
import { formPage, type FormRequest } from '../error-pages';
import { Page } from '../page.decorator';
import { deadlineWeeks, WEEKS_SHOWN } from './deadline-weeks';
import { decisionText, requestRef } from './decision-text';
import { MastNames } from './mast-names';

const STATES: readonly DeadlineState[] = ['due', 'overdue', 'breached', 'met'];
const STATE_TAGS: Record<DeadlineState, string> = {
  due: 'govuk-tag--blue',
  overdue: 'govuk-tag--orange',
  breached: 'govuk-tag--red',
  met: 'govuk-tag--green',
};
const listOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value !== '' ? value.split(',') : [];

/** MAST's working lists as pages: deadlines with their owners, the decision log, key workers' caseloads. */
@Page()
@Controller('app/mast')
export class MastListsPage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly names: MastNames,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  private today(): string {
    return dayOf(this.clock().toISOString());
  }

  /** Response and first-contact deadlines: counted by state, filtered by state and owner. */
  @Get('deadlines')
  @Policy(mastPolicies.deadlines)
  @Render('mast/deadlines')
  async deadlines(@Query('state') state: unknown, @Query('owner') owner: unknown) {
    const today = this.today();
    const ownerUserId = typeof owner === 'string' && owner !== '' ? owner : undefined;
    const chosen = listOf(state).filter((s): s is DeadlineState => STATES.includes(s as DeadlineState));
    const [items, names] = await Promise.all([
      mastDeadlines(this.dataSource.manager, { today, ownerUserId }),
      this.names.load(),
    ]);
    const owners = [...new Set(items.map((i) => i.owner.userId))];
    return {
      title: 'Deadlines',
      today,
      counts: STATES.map((s) => ({ state: s, count: items.filter((i) => i.state === s).length, tag: STATE_TAGS[s] })),
      filter: { states: chosen, owner: ownerUserId ?? '' },
      owners: owners.map((userId) => ({ value: userId, text: names.user(userId), selected: userId === ownerUserId })),
      states: STATES,
      items: items
        .filter((i) => chosen.length === 0 || chosen.includes(i.state))
        .map((i) => ({
          ...i,
          ref: requestRef(i.requestId),
          ownerName: names.user(i.owner.userId),
          ownerAgency: names.agency(i.owner.agencyId),
          tag: STATE_TAGS[i.state],
        })),
    };
  }

  /** The co-ordinator's dashboard: deadlines met and breached, by the week they fell due. */
  @Get('dashboard')
  @Policy(mastPolicies.deadlines)
  @Render('mast/dashboard')
  async dashboard() {
    const today = this.today();
    return {
      title: 'Deadlines by week',
      today,
      weeks: WEEKS_SHOWN,
      chart: deadlineWeeks(await mastDeadlines(this.dataSource.manager, { today })),
    };
  }

  @Get('decision-log')
  @Policy(mastPolicies.readPanel)
  @Render('mast/decision-log')
  async decisionLog(@Req() req: FormRequest, @Query('from') from: unknown, @Query('to') to: unknown) {
    const values = { from: typeof from === 'string' ? from : '', to: typeof to === 'string' ? to : '' };
    formPage(req, 'mast/decision-log', { title: 'Decision log', decisions: [], values });
    const range = {
      from: new DayPipe('from', true).transform(values.from),
      to: new DayPipe('to', true).transform(values.to),
    };
    const [decisions, names] = await Promise.all([panelDecisionLog(this.dataSource.manager, range), this.names.load()]);
    return {
      title: 'Decision log',
      values,
      decisions: decisions.map((d) => ({
        panelDate: d.panelDate,
        requestId: d.requestId,
        ref: requestRef(d.requestId),
        childId: d.childId,
        school: names.agency(d.schoolId),
        outcome: d.outcome,
        decision: decisionText(d.decision, names),
        reason: d.reason,
        participants: (d.participants ?? []).map((p) => names.user(p.userId)),
        conflicted: (d.conflicted ?? []).map((id) => names.user(id)),
        decidedAt: d.decidedAt?.toISOString() ?? null,
      })),
    };
  }

  @Get('caseloads')
  @Policy(mastPolicies.caseloads)
  @Render('mast/caseloads')
  async caseloads() {
    const [caseloads, names] = await Promise.all([keyWorkerCaseloads(this.dataSource.manager), this.names.load()]);
    return {
      title: 'Key workers\u2019 caseloads',
      caseloads: caseloads.map((c) => ({ ...c, name: names.user(c.workerId) })),
    };
  }

  /** A key worker's open cases with the first-contact deadline each is working to. */
  @Get('caseloads/:workerId')
  @Policy(mastPolicies.caseload)
  @Render('mast/caseload')
  async caseload(@Param('workerId') workerId: string) {
    const today = this.today();
    const [cases, deadlines, names] = await Promise.all([
      keyWorkerCaseload(this.dataSource.manager, workerId),
      mastDeadlines(this.dataSource.manager, { today, ownerUserId: workerId }),
      this.names.load(),
    ]);
    const firstContact = new Map(deadlines.filter((d) => d.deadline === 'first-contact').map((d) => [d.requestId, d]));
    return {
      title: `Caseload: ${names.user(workerId)}`,
      worker: names.user(workerId),
      cases: cases.map((c) => {
        const deadline = firstContact.get(c.requestId);
        return {
          requestId: c.requestId,
          ref: requestRef(c.requestId),
          childId: c.childId,
          school: names.agency(c.schoolId),
          levelOfNeed: c.levelOfNeed,
          decidedOn: c.decidedOn,
          firstContactOn: c.firstContactOn,
          dueBy: deadline?.dueBy ?? null,
          state: deadline?.state ?? null,
          tag: deadline ? STATE_TAGS[deadline.state] : null,
          needs: c.needs,
        };
      }),
    };
  }
}
