import { Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import type { Role } from '@app/access';
import { eventCatalogue } from '@app/domain';
import { agendaCutOff } from '@app/domain';
import type { MastPanelCommand } from '@app/domain';
import { decideAtPanel } from '@app/domain';
import { mastPanelDecider } from '@app/domain';
import { mastPanelStream } from '@app/domain';
import { mastRequestDecider } from '@app/domain';
import { type MastDecision, mastRequestStream } from '@app/domain';
import type { WorkingDayCalendar } from '@app/domain';
import { isDomainError } from '@app/domain';
import { dayOf } from '@app/domain';
import { refuseUnfit } from '@app/event-store';
import type { PlatformConfig } from '@app/platform';
import { mastRequest, requestsAwaitingPanel } from '@app/projections';
import { namedUser } from '../access/directory-references';
import { type Body, commandBody } from '../http/command-body';
import { type Decided, type DecisionContext, Decisions, DomainRefusal } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import { CALENDAR, CLOCK, CONFIG } from '../http/tokens';

const PLATFORM_FIELDS = ['type', 'by', 'panelWeekday', 'cutOff', 'candidates', 'quorum', 'member', 'today'];
const PANEL_ROLES: readonly Role[] = ['panel-member', 'mast-coordinator'];

/** What the meeting does, as `POST /mast-panels/:panelDate/:step`. */
export type PanelStep = 'schedule' | 'agenda' | 'attendance' | 'departures' | 'conflicts' | 'minutes' | 'closure';

export class TakePanelStepCommand {
  constructor(
    readonly panelDate: string,
    readonly step: PanelStep,
    readonly body: Body,
    readonly context: RequestContext,
  ) {}
}

export class RecordPanelDecisionCommand {
  constructor(
    readonly panelDate: string,
    readonly body: Body,
    readonly context: RequestContext,
  ) {}
}

@CommandHandler(TakePanelStepCommand)
export class TakePanelStepHandler implements ICommandHandler<TakePanelStepCommand, Decided> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    @Inject(CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(CONFIG) private readonly config: PlatformConfig,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ panelDate, step, body, context }: TakePanelStepCommand): Promise<Decided> {
    const fields = commandBody(body, PLATFORM_FIELDS);
    const by = context.actor;
    const decide = (command: MastPanelCommand, childId?: string) =>
      this.decisions.execute(mastPanelDecider, mastPanelStream(panelDate), command, {
        actor: by,
        correlationId: context.requestId,
        childId,
      });
    switch (step) {
      case 'schedule':
        return decide({ type: 'SchedulePanel', panelDate, panelWeekday: this.config.mastPanel.weekday, by });
      case 'agenda':
        return this.setAgenda(panelDate, context);
      case 'attendance':
        return decide({
          type: 'RecordAttendance',
          member: await this.panelMember(fields.userId),
          today: dayOf(this.clock().toISOString()),
        });
      case 'departures':
        return decide({ type: 'RecordDeparture', memberId: String(fields.userId) });
      case 'conflicts': {
        const request =
          typeof fields.requestId === 'string' ? await mastRequest(this.dataSource.manager, fields.requestId) : null;
        if (!request)
          throw new NotFoundException({ message: `No MAST request ${String(fields.requestId)}`, field: 'requestId' });
        return decide(
          {
            type: 'DeclareConflictOfInterest',
            requestId: request.requestId,
            memberId: String(fields.memberId),
            nature: fields.nature as string,
          },
          request.childId,
        );
      }
      case 'minutes':
        return decide({ type: 'RecordMinutes', minutes: fields.minutes as string, by });
      case 'closure':
        return decide({ type: 'ClosePanel', by });
    }
  }

  private async panelMember(userId: unknown) {
    const user = await namedUser(this.directory, 'userId', userId, {
      roles: PANEL_ROLES,
      as: `a ${PANEL_ROLES.join(' or ')}`,
    });
    return { userId: user.userId, role: user.role, agencyId: user.agencyId, name: user.displayName };
  }

  /**
   * The agenda is the requests received before the configured cut-off; each is then listed
   * for this panel on its own stream. Asked again, it lists whatever an interrupted call left
   * unlisted, so a crash between the streams loses nothing.
   */
  private async setAgenda(panelDate: string, context: RequestContext): Promise<Decided> {
    const stream = mastPanelStream(panelDate);
    const ctx = { actor: context.actor, correlationId: context.requestId };
    const { state } = await this.decisions.load(mastPanelDecider, stream);
    const alreadySet = state.status === 'scheduled' && state.agenda !== undefined;
    // Not yet set: set it now (the decider refuses a panel never scheduled, or closed).
    const decided = alreadySet
      ? undefined
      : await this.decisions.execute(
          mastPanelDecider,
          stream,
          {
            type: 'SetPanelAgenda',
            cutOff: agendaCutOff(this.calendar, panelDate, this.config.mastPanel.agendaCutoffWorkingDays),
            candidates: await requestsAwaitingPanel(this.dataSource.manager),
            by: context.actor,
          },
          ctx,
        );
    const { state: panel, revision } = await this.decisions.load(mastPanelDecider, stream);
    const requests = mastRequestDecider(this.calendar);
    for (const item of panel.status === 'none' ? [] : (panel.agenda?.items ?? [])) {
      const { state: request } = await this.decisions.load(requests, mastRequestStream(item.requestId));
      if (request.status === 'listed' && request.listedFor === panelDate) continue;
      await this.decisions.execute(
        requests,
        mastRequestStream(item.requestId),
        { type: 'ListMastRequest', requestId: item.requestId, panelDate, by: context.actor },
        { ...ctx, childId: item.childId },
      );
    }
    return decided ?? { streamId: stream, revision: revision as bigint, events: [] };
  }
}

/**
 * A decision in the meeting, recorded on the panel and then on the request. Both deciders
 * agree before anything is written; if the second write is interrupted, asking again
 * completes the request from what the panel recorded.
 */
@CommandHandler(RecordPanelDecisionCommand)
export class RecordPanelDecisionHandler implements ICommandHandler<RecordPanelDecisionCommand, Decided> {
  constructor(
    private readonly decisions: Decisions,
    private readonly directory: Directory,
    @Inject(CALENDAR) private readonly calendar: WorkingDayCalendar,
    @Inject(CONFIG) private readonly config: PlatformConfig,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ panelDate, body, context }: RecordPanelDecisionCommand): Promise<Decided> {
    const fields = commandBody(body, PLATFORM_FIELDS);
    const requestId = String(fields.requestId);
    await this.allocatedWorkerExists(fields.decision);
    const panelStream = mastPanelStream(panelDate);
    const requestStream = mastRequestStream(requestId);
    const panel = await this.decisions.load(mastPanelDecider, panelStream);
    const request = await this.decisions.load(mastRequestDecider(this.calendar), requestStream);
    if (request.state.status === 'none')
      throw new NotFoundException({ message: `No MAST request ${requestId}`, field: 'requestId' });
    const childId = request.state.childId;
    const ctx = { actor: context.actor, correlationId: context.requestId, childId };
    if (
      panel.state.status !== 'none' &&
      panel.state.decided[requestId] &&
      request.state.status === 'listed' &&
      request.state.listedFor === panelDate
    ) {
      return this.completeInterruptedDecision(panelDate, requestId, ctx);
    }
    const outcome = decideAtPanel(this.calendar, panel.state, request.state, {
      type: 'RecordPanelDecision',
      requestId,
      decision: fields.decision as MastDecision,
      reason: fields.reason as string,
      quorum: { minMembers: this.config.mastPanel.quorumMembers, minAgencies: this.config.mastPanel.quorumAgencies },
      today: dayOf(this.clock().toISOString()),
    });
    if (isDomainError(outcome)) throw new DomainRefusal(outcome);
    // Both streams' events are checked before either is written: a refusal never leaves half a decision.
    refuseUnfit(eventCatalogue, [...outcome.panel, ...outcome.request]);
    const recorded = await this.decisions.append(panelStream, outcome.panel, ctx, panel.revision);
    await this.decisions.append(requestStream, outcome.request, ctx, request.revision);
    return recorded;
  }

  /** The panel recorded the decision but the request never heard it: carry the recorded decision over. */
  private async completeInterruptedDecision(
    panelDate: string,
    requestId: string,
    ctx: DecisionContext,
  ): Promise<Decided> {
    const history = await this.decisions.history(mastPanelStream(panelDate));
    const recorded = history.find((e) => e.type === 'PanelDecisionRecorded' && e.data.requestId === requestId)!;
    const { decision, reason } = recorded.data as { decision: MastDecision; reason: string };
    return this.decisions.execute(
      mastRequestDecider(this.calendar),
      mastRequestStream(requestId),
      { type: 'DecideMastRequest', requestId, panelDate, decision, reason },
      ctx,
    );
  }

  private async allocatedWorkerExists(decision: unknown): Promise<void> {
    const allocation = (decision as { outcome?: unknown; allocation?: { workerId?: unknown } } | undefined)?.allocation;
    if (
      (decision as { outcome?: unknown } | undefined)?.outcome !== 'accept-allocate' ||
      typeof allocation?.workerId !== 'string'
    )
      return;
    await namedUser(this.directory, 'decision.allocation.workerId', allocation.workerId, {
      roles: ['key-worker'],
      agencyId: 'mast',
      as: 'a key worker or family learning mentor of MAST',
    });
  }
}
