import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { mastPolicies } from '@app/access';
import { panelAgenda } from '@app/projections';
import { Policy } from '../access/policy.decorator';
import type { Decided } from '../http/decisions';
import { Requester, type RequestContext } from '../http/request-context';
import { ApiRecorded } from '../http/recorded-answer';
import { ApiStepBodies, stepBody, stepNamed, type WithBody } from '../http/steps';
import { DayPipe } from './day.pipe';
import { ConflictBody, MinutesBody, PanelDecisionBody, PanelMemberBody, SchedulePanelBody } from './mast-bodies';
import { type PanelStep, RecordPanelDecisionCommand, TakePanelStepCommand } from './mast-panel-commands';

const panelDay = new DayPipe('panelDate');
/** The meeting's steps in `POST /mast-panels/:panelDate/:step`; the agenda is drawn up from the requests received, closure takes nothing. */
export const MEETING_STEPS: Readonly<Record<string, WithBody & { step: PanelStep }>> = {
  agenda: { step: 'agenda' },
  attendance: { step: 'attendance', body: PanelMemberBody },
  departures: { step: 'departures', body: PanelMemberBody },
  minutes: { step: 'minutes', body: MinutesBody },
  closure: { step: 'closure' },
};
const answer = (panelDate: string, decided: Decided) => ({ panelDate, revision: decided.revision.toString() });

/** The weekly MAST panel, run by the co-ordinator from agenda to minutes. */
@ApiTags('mast')
@ApiBearerAuth()
@Controller('mast-panels')
export class MastPanelsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
  ) {}

  /** Schedules the panel for a day; it must fall on the configured weekday (MAST_PANEL_WEEKDAY). */
  @Post()
  @HttpCode(201)
  @Policy(mastPolicies.runPanel)
  @ApiRecorded(201, 'panelDate')
  async schedule(@Body() body: SchedulePanelBody, @Requester() requester: RequestContext) {
    const panelDate = panelDay.transform(body.panelDate) as string;
    return answer(
      panelDate,
      await this.commands.execute(new TakePanelStepCommand(panelDate, 'schedule', {}, requester)),
    );
  }

  /** A decision on one request, with its reason; needs the quorum (MAST_QUORUM_MEMBERS from MAST_QUORUM_AGENCIES agencies). */
  @Post(':panelDate/decisions')
  @HttpCode(201)
  @Policy(mastPolicies.decide)
  @ApiRecorded(201, 'panelDate')
  async decide(
    @Param('panelDate', panelDay) panelDate: string,
    @Body() body: PanelDecisionBody,
    @Requester() requester: RequestContext,
  ) {
    return answer(panelDate, await this.commands.execute(new RecordPanelDecisionCommand(panelDate, body, requester)));
  }

  /** A member declares a conflict of interest on a request: they take no part in its decision. */
  @Post(':panelDate/conflicts')
  @HttpCode(201)
  @Policy(mastPolicies.decide)
  @ApiRecorded(201, 'panelDate')
  async conflict(
    @Param('panelDate', panelDay) panelDate: string,
    @Body() body: ConflictBody,
    @Requester() requester: RequestContext,
  ) {
    return answer(
      panelDate,
      await this.commands.execute(new TakePanelStepCommand(panelDate, 'conflicts', body, requester)),
    );
  }

  /** agenda (from the requests received before the cut-off), attendance, departures, minutes, closure. */
  @Post(':panelDate/:step')
  @HttpCode(200)
  @Policy(mastPolicies.runPanel)
  @ApiStepBodies(MEETING_STEPS)
  @ApiRecorded(200, 'panelDate')
  async step(
    @Param('panelDate', panelDay) panelDate: string,
    @Param('step') stepName: string,
    @Body() body: unknown,
    @Requester() requester: RequestContext,
  ) {
    const step = stepNamed(MEETING_STEPS, stepName);
    return answer(
      panelDate,
      await this.commands.execute(
        new TakePanelStepCommand(panelDate, step.step, await stepBody(step, body), requester),
      ),
    );
  }

  /** The agenda with attendance, conflicts, decisions and minutes. */
  @Get(':panelDate')
  @Policy(mastPolicies.readPanel)
  async read(@Param('panelDate', panelDay) panelDate: string) {
    const agenda = await panelAgenda(this.dataSource.manager, panelDate);
    if (!agenda) throw new NotFoundException({ message: `No panel on ${panelDate}`, field: 'panelDate' });
    return agenda;
  }
}
