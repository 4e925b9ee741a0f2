import {
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import { type ConcernView, concernPolicies } from '@app/access';
import { DSL_OUTCOMES, REFERRAL_URGENCIES } from '@app/domain';
import { dayOf } from '@app/domain';
import { INFORMATION_CATEGORIES } from '@app/domain';
import { WITHOUT_CONSENT_GROUNDS } from '@app/domain';
import { concern, concernAsReferred, concernsOfSchool } from '@app/projections';
import { Policy, PolicyView } from '../../access/policy.decorator';
import { TakeConcernStepCommand } from '../../concern/concern-commands';
import { CONCERN_STEPS } from '../../concern/concern-steps';
import { Requester, type RequestContext } from '../../http/request-context';
import { stepBody } from '../../http/steps';
import { CLOCK } from '../../http/tokens';
import { categoryLabel } from '../../sharing/report-words';
import { type FormRequest, formPage } from '../error-pages';
import { filled, revisionOf, ticked } from '../form-values';
import { Page } from '../page.decorator';
import { GROUND_WORDS } from '../sharing/sharing-words';
import { concernClockChart } from './concern-clock-chart';
import { type ConcernRow, concernTimeline } from './concern-timeline';
import { CLOCK_STATES, CLOCK_WORDS, DSL_OUTCOME_WORDS, STATUS_WORDS, URGENCY_WORDS } from './concern-words';

const uuid = new ParseUUIDPipe({ version: '4' });
const CONCERN_VIEWS: Record<ConcernView, typeof concern> = { school: concern, 'social-care': concernAsReferred };
type Clock = { clock: keyof typeof CLOCK_WORDS; dueBy: string; metOn?: string; breachReason?: string; state: string };
type WithClocks = { readonly clocks: readonly Clock[] };
interface QueueRow extends WithClocks {
  readonly concernId: string;
  readonly childId: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly raisedBy?: { readonly userId?: string };
  readonly raisedAt: Date;
  readonly status: string;
}

const clocksOf = (clocks: readonly Clock[]) =>
  clocks.map((c) => ({
    name: CLOCK_WORDS[c.clock] ?? c.clock,
    dueBy: c.dueBy,
    metOn: c.metOn,
    breachReason: c.breachReason,
    tag: CLOCK_STATES[c.state],
  }));

/** The DSL's concerns: the queue with each concern's clocks, a concern's page and timeline, and the review with a referral to social care. */
@Page()
@Controller('app')
export class ConcernPages {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  private today(): string {
    return dayOf(this.clock().toISOString());
  }

  @Get('schools/:schoolId/concerns')
  @Policy(concernPolicies.queue)
  @Render('safeguarding/concerns')
  async queue(@Param('schoolId') schoolId: string) {
    const rows = (await concernsOfSchool(this.dataSource.manager, schoolId, this.today())) as unknown as QueueRow[];
    const names = await this.namesOf();
    const open = rows.map((r) => ({
      concernId: r.concernId,
      childId: r.childId,
      childName: `${r.givenName ?? ''} ${r.familyName ?? ''}`.trim(),
      raisedBy: names(r.raisedBy?.userId),
      raisedAt: r.raisedAt,
      status: STATUS_WORDS[r.status] ?? r.status,
      awaitingReview: r.status === 'raised',
      clocks: clocksOf(r.clocks),
    }));
    return {
      title: 'Safeguarding concerns',
      today: this.today(),
      awaiting: open.filter((c) => c.awaitingReview),
      reviewed: open.filter((c) => !c.awaitingReview),
    };
  }

  /** The DSL's dashboard: the school's open concerns by the state of their clocks, today. */
  @Get('schools/:schoolId/safeguarding-dashboard')
  @Policy(concernPolicies.queue)
  @Render('safeguarding/dashboard')
  async dashboard(@Param('schoolId') schoolId: string) {
    const rows = (await concernsOfSchool(this.dataSource.manager, schoolId, this.today())) as unknown as QueueRow[];
    return {
      title: 'Concerns by clock',
      today: this.today(),
      schoolId,
      open: rows.filter((r) => r.status !== 'closed').length,
      chart: concernClockChart(rows),
    };
  }

  @Get('concerns/:concernId')
  @Policy(concernPolicies.read)
  @Render('safeguarding/concern')
  async concernPage(@Param('concernId', uuid) concernId: string, @PolicyView() view: ConcernView) {
    const found = (await CONCERN_VIEWS[view](this.dataSource.manager, concernId, this.today())) as unknown as
      (ConcernRow & WithClocks) | null;
    if (!found) throw new NotFoundException({ message: `No concern ${concernId}`, field: 'concernId' });
    return {
      title: 'Safeguarding concern',
      concern: {
        concernId,
        childId: found.childId,
        status: STATUS_WORDS[found.status] ?? found.status,
        awaitingReview: found.status === 'raised',
      },
      schoolView: view === 'school',
      clocks: clocksOf(found.clocks),
      timeline: concernTimeline(found, await this.namesOf()),
    };
  }

  @Get('concerns/:concernId/review')
  @Policy(concernPolicies.step)
  @Render('safeguarding/review')
  reviewForm(@Param('concernId', uuid) concernId: string) {
    return this.reviewModel(concernId);
  }

  @Post('concerns/:concernId/review')
  @Policy(concernPolicies.step)
  async review(
    @Param('concernId', uuid) concernId: string,
    @Body() form: Record<string, unknown>,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    formPage(req, 'safeguarding/review', await this.reviewModel(concernId));
    const outcome = filled(form.outcome);
    const ground = filled(form['referral.ground']);
    const informed = form['referral.familyTold.informed'];
    const referral =
      outcome === 'refer-to-social-care'
        ? {
            ...(ground === 'with-consent' ? { withConsent: true } : { ground }),
            urgency: filled(form['referral.urgency']),
            categories: ticked(form['referral.categories']),
            summary: filled(form['referral.summary']),
            ...(informed === 'yes'
              ? { familyTold: { informed: true, how: filled(form['referral.familyTold.how']) } }
              : {}),
            ...(informed === 'no'
              ? { familyTold: { informed: false, reason: filled(form['referral.familyTold.reason']) } }
              : {}),
          }
        : undefined;
    const step = CONCERN_STEPS.review;
    const body = await stepBody(step, {
      outcome,
      reasons: filled(form.reasons),
      reviewedOn: filled(form.reviewedOn),
      ...(referral ? { referral } : {}),
    });
    await this.commands.execute(
      new TakeConcernStepCommand(concernId, step, body, revisionOf(form.revision), requester),
    );
    res.redirect(303, `/app/concerns/${concernId}`);
  }

  private async reviewModel(concernId: string) {
    const found = (await concern(this.dataSource.manager, concernId, this.today())) as unknown as
      (ConcernRow & WithClocks) | null;
    if (!found) throw new NotFoundException({ message: `No concern ${concernId}`, field: 'concernId' });
    return {
      title: 'Review the concern',
      concern: {
        concernId,
        childId: found.childId,
        seenOrHeard: found.seenOrHeard,
        raisedAt: found.raisedAt,
        revision: String(found.revision),
      },
      today: this.today(),
      outcomes: DSL_OUTCOMES.map((o) => ({ value: o, text: DSL_OUTCOME_WORDS[o] })),
      grounds: [
        ...WITHOUT_CONSENT_GROUNDS.map((g) => ({ value: g, text: GROUND_WORDS[g] })),
        { value: 'with-consent', text: 'With consent (the platform checks the consent recorded)' },
      ],
      urgencies: REFERRAL_URGENCIES.map((u) => ({ value: u, text: URGENCY_WORDS[u] })),
      categories: INFORMATION_CATEGORIES.map((c) => ({ value: c, text: categoryLabel(c) })),
    };
  }

  private async namesOf(): Promise<(userId: string | undefined) => string> {
    const users = new Map((await this.directory.users()).map((u) => [u.userId, u.displayName]));
    return (userId) => (userId ? (users.get(userId) ?? userId) : '');
  }
}
