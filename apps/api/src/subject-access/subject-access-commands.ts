import { Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessLog } from '@app/access';
import { Directory } from '@app/access';
import type { WorkingDayCalendar } from '@app/domain';
import type { SchoolCalendars } from '@app/domain';
import type { SubjectAccessCommand } from '@app/domain';
import { subjectAccessDecider } from '@app/domain';
import { subjectAccessStream } from '@app/domain';
import type { ExpectedRevision } from '@app/event-store';
import { type Body, commandBody } from '../http/command-body';
import { type Decided, Decisions } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import { CALENDAR, CLOCK, SCHOOL_CALENDARS } from '../http/tokens';
import { responsePack } from './response-pack';
import type { SubjectAccessStep } from './subject-access-steps';

const PLATFORM_FIELDS = ['type', 'requestId', 'schoolId', 'by', 'at', 'pack', 'disclosureId'];

export class RecordSubjectAccessRequestCommand {
  constructor(
    readonly body: Body,
    readonly context: RequestContext,
  ) {}
}

export class TakeSubjectAccessStepCommand {
  constructor(
    readonly requestId: string,
    readonly step: SubjectAccessStep,
    readonly body: Body,
    readonly expectedRevision: ExpectedRevision | undefined,
    readonly context: RequestContext,
  ) {}
}

const notFound = (childId: unknown) =>
  new NotFoundException({ error: 'Not Found', message: `No child record ${String(childId)}`, field: 'childId' });

@CommandHandler(RecordSubjectAccessRequestCommand)
export class RecordSubjectAccessRequestHandler implements ICommandHandler<
  RecordSubjectAccessRequestCommand,
  Decided & { requestId: string }
> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    @Inject(CALENDAR) private readonly workingDays: WorkingDayCalendar,
    @Inject(SCHOOL_CALENDARS) private readonly schoolCalendars: SchoolCalendars,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ body, context }: RecordSubjectAccessRequestCommand) {
    const fields = commandBody(body, PLATFORM_FIELDS);
    // The child's school, as the platform records it: its calendar counts an educational record's school days.
    const [child]: Array<{ schoolId: string }> = await this.dataSource.query(
      `SELECT school_id AS "schoolId" FROM read_models.child_records WHERE child_id = $1`,
      [String(fields.childId)],
    );
    if (!child) throw notFound(fields.childId);
    const requestId = randomUUID();
    const command = {
      ...fields,
      type: 'RecordSubjectAccessRequest',
      requestId,
      schoolId: child.schoolId,
      by: context.actor,
      at: this.clock().toISOString(),
    } as unknown as SubjectAccessCommand;
    const decided = await this.decisions.execute(
      subjectAccessDecider({
        workingDays: this.workingDays,
        schoolDays: (schoolId) => this.schoolCalendars.of(schoolId),
      }),
      subjectAccessStream(requestId),
      command,
      {
        actor: context.actor,
        correlationId: context.requestId,
        childId: String(fields.childId),
        expectedRevision: 'no-stream',
        happenedOn: ['receivedOn'],
      },
    );
    return { ...decided, requestId };
  }
}

/** An extension, or the response: the platform, never the caller, builds the pack from the family's copy of the report. */
@CommandHandler(TakeSubjectAccessStepCommand)
export class TakeSubjectAccessStepHandler implements ICommandHandler<
  TakeSubjectAccessStepCommand,
  Decided & { disclosureId?: string; digest?: string }
> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    private readonly accessLog: AccessLog,
    @Inject(CALENDAR) private readonly workingDays: WorkingDayCalendar,
    @Inject(SCHOOL_CALENDARS) private readonly schoolCalendars: SchoolCalendars,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ requestId, step, body, expectedRevision, context }: TakeSubjectAccessStepCommand) {
    const decider = subjectAccessDecider({
      workingDays: this.workingDays,
      schoolDays: (schoolId) => this.schoolCalendars.of(schoolId),
    });
    const { state } = await this.decisions.load(decider, subjectAccessStream(requestId));
    if (state.status === 'none')
      throw new NotFoundException({ message: `No subject-access request ${requestId}`, field: 'requestId' });
    const fields = commandBody(body, PLATFORM_FIELDS);
    const now = this.clock();
    const releasing = step.command === 'ReleaseSubjectAccessResponse' && state.status === 'open';
    const pack = releasing
      ? await responsePack(this.dataSource.manager, this.directory, this.accessLog, state.childId, now)
      : null;
    if (releasing && !pack) throw notFound(state.childId);
    const disclosureId = pack ? randomUUID() : undefined;
    const released = pack
      ? { disclosureId, pack: { report: pack.report, sent: pack.sent, exemptionsApplied: pack.exemptionsApplied } }
      : {};
    const command = {
      ...fields,
      ...released,
      type: step.command,
      by: context.actor,
      at: now.toISOString(),
    } as unknown as SubjectAccessCommand;
    const decided = await this.decisions.execute(decider, subjectAccessStream(requestId), command, {
      actor: context.actor,
      correlationId: context.requestId,
      childId: state.childId,
      expectedRevision,
      happenedOn: step.happenedOn,
    });
    // The pack itself is read from the log (GET …/response-pack), never kept with a stored answer to this request.
    return { ...decided, ...(pack ? { disclosureId, digest: pack.sent.digest } : {}) };
  }
}
