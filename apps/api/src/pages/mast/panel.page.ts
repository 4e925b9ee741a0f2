import { Body, Controller, Get, Inject, Param, Post, Render, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { mastPolicies } from '@app/access';
import { weekdayOf } from '@app/domain';
import { addDays, dayOf } from '@app/domain';
import type { PlatformConfig } from '@app/platform';
import { Policy } from '../../access/policy.decorator';
import { DayPipe } from '../../mast/day.pipe';
import { Requester, type RequestContext } from '../../http/request-context';
import { ConflictBody, PanelDecisionBody, SchedulePanelBody } from '../../mast/mast-bodies';
import { RecordPanelDecisionCommand, TakePanelStepCommand } from '../../mast/mast-panel-commands';
import { MEETING_STEPS } from '../../mast/mast-panels.controller';
import { stepBody, stepNamed } from '../../http/steps';
import { CLOCK, CONFIG } from '../../http/tokens';
import { formPage, type FormRequest } from '../error-pages';
import { Page } from '../page.decorator';
import { formFields } from './forms';
import { decisionBody } from './decision-form';
import { PanelModel } from './panel-model';

const panelDay = new DayPipe('panelDate');
const panelPath = (panelDate: string, rest = '') => `/app/mast/panels/${panelDate}${rest}`;

/**
 * The co-ordinator runs the weekly panel here, from agenda to minutes and closing; members
 * read its pack. Each page and form is behind the policy of its API twin (/mast-panels).
 */
@Page()
@Controller('app/mast/panels')
export class PanelPage {
  constructor(
    private readonly commands: CommandBus,
    private readonly model: PanelModel,
    @Inject(CONFIG) private readonly config: PlatformConfig,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  /** The next panel: today if the panel meets today, else the next panel weekday. */
  @Get()
  @Policy(mastPolicies.readPanel)
  next(@Res() res: Response) {
    let day = dayOf(this.clock().toISOString());
    while (weekdayOf(day) !== this.config.mastPanel.weekday) day = addDays(day, 1);
    res.redirect(303, panelPath(day));
  }

  @Get(':panelDate')
  @Policy(mastPolicies.readPanel)
  @Render('mast/panel')
  panel(@Param('panelDate', panelDay) panelDate: string) {
    return this.model.meeting(panelDate);
  }

  @Get(':panelDate/pack')
  @Policy(mastPolicies.readPanel)
  @Render('mast/pack')
  pack(@Param('panelDate', panelDay) panelDate: string) {
    return this.model.pack(panelDate);
  }

  /** One request at the meeting: its papers, conflicts, whether the panel is quorate for it, the decision form. */
  @Get(':panelDate/requests/:requestId')
  @Policy(mastPolicies.readRequest)
  @Render('mast/decision')
  item(@Param('panelDate', panelDay) panelDate: string, @Param('requestId') requestId: string) {
    return this.model.item(panelDate, requestId);
  }

  @Post(':panelDate/decisions')
  @Policy(mastPolicies.decide)
  async decide(
    @Param('panelDate', panelDay) panelDate: string,
    @Body() body: unknown,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    const fields = formFields(body);
    formPage(req, 'mast/decision', await this.model.item(panelDate, fields.requestId ?? ''));
    const command = await stepBody({ body: PanelDecisionBody }, decisionBody(fields));
    await this.commands.execute(new RecordPanelDecisionCommand(panelDate, command, requester));
    res.redirect(303, panelPath(panelDate, '#agenda'));
  }

  @Post(':panelDate/conflicts')
  @Policy(mastPolicies.decide)
  async conflict(
    @Param('panelDate', panelDay) panelDate: string,
    @Body() body: unknown,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    const fields = formFields(body);
    formPage(req, 'mast/decision', await this.model.item(panelDate, fields.requestId ?? ''));
    await this.commands.execute(
      new TakePanelStepCommand(panelDate, 'conflicts', await stepBody({ body: ConflictBody }, fields), requester),
    );
    res.redirect(303, panelPath(panelDate, `/requests/${fields.requestId}`));
  }

  /** Scheduling the day, then the meeting's steps: agenda, attendance, departures, minutes, closure. */
  @Post(':panelDate/:step')
  @Policy(mastPolicies.runPanel)
  async step(
    @Param('panelDate', panelDay) panelDate: string,
    @Param('step') stepName: string,
    @Body() body: unknown,
    @Req() req: FormRequest,
    @Requester() requester: RequestContext,
    @Res() res: Response,
  ) {
    const fields = formFields(body);
    formPage(req, 'mast/panel', await this.model.meeting(panelDate));
    if (stepName === 'schedule') {
      await stepBody({ body: SchedulePanelBody }, { panelDate, ...fields });
      await this.commands.execute(new TakePanelStepCommand(panelDate, 'schedule', {}, requester));
      return res.redirect(303, panelPath(panelDate));
    }
    const step = stepNamed(MEETING_STEPS, stepName);
    await this.commands.execute(
      new TakePanelStepCommand(panelDate, step.step, await stepBody(step, fields), requester),
    );
    res.redirect(303, panelPath(panelDate, `#${step.step}`));
  }
}
