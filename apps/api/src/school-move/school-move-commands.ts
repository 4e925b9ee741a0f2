import { Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Directory } from '@app/access';
import { childStream } from '@app/domain';
import type { SchoolCalendars } from '@app/domain';
import type { SchoolMoveCommand } from '@app/domain';
import { schoolMoveDecider } from '@app/domain';
import type { ExpectedRevision } from '@app/event-store';
import { childProtectionRecords } from '@app/projections';
import { namedAgency } from '../access/directory-references';
import type { Body } from '../http/command-body';
import { type Decided, Decisions } from '../http/decisions';
import type { RequestContext } from '../http/request-context';
import { CLOCK, SCHOOL_CALENDARS } from '../http/tokens';
import type { SchoolMoveStep } from './school-move-bodies';

export class RecordSchoolMoveCommand {
  constructor(
    readonly childId: string,
    readonly body: Body,
    readonly expectedRevision: ExpectedRevision | undefined,
    readonly context: RequestContext,
  ) {}
}

export class TakeSchoolMoveStepCommand {
  constructor(
    readonly moveId: string,
    readonly step: SchoolMoveStep,
    readonly body: Body,
    readonly context: RequestContext,
  ) {}
}

/**
 * The leaving school records the move on the child's stream; the platform finds the records
 * of its child-protection file and the due day on the new school's calendar.
 */
@CommandHandler(RecordSchoolMoveCommand)
export class RecordSchoolMoveHandler implements ICommandHandler<RecordSchoolMoveCommand, Decided & { moveId: string }> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    private readonly directory: Directory,
    @Inject(SCHOOL_CALENDARS) private readonly calendars: SchoolCalendars,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ childId, body, expectedRevision, context }: RecordSchoolMoveCommand) {
    await namedAgency(this.directory, 'toSchoolId', body.toSchoolId);
    const moveId = randomUUID();
    const records = await childProtectionRecords(this.dataSource.manager, childId, context.actor.agencyId);
    const command: SchoolMoveCommand = {
      type: 'RecordSchoolMove',
      childId,
      moveId,
      toSchoolId: String(body.toSchoolId),
      startsOn: String(body.startsOn),
      reason: String(body.reason),
      childProtectionRecords: records,
      by: context.actor,
      at: this.clock().toISOString(),
    };
    const decided = await this.decisions.execute(schoolMoveDecider(this.calendars), childStream(childId), command, {
      actor: context.actor,
      correlationId: context.requestId,
      childId,
      expectedRevision,
    });
    return { ...decided, moveId };
  }
}

/** Sending the file (the leaving school's DSL) and confirming its receipt (the new school's). */
@CommandHandler(TakeSchoolMoveStepCommand)
export class TakeSchoolMoveStepHandler implements ICommandHandler<TakeSchoolMoveStepCommand, Decided> {
  constructor(
    private readonly decisions: Decisions,
    private readonly dataSource: DataSource,
    @Inject(SCHOOL_CALENDARS) private readonly calendars: SchoolCalendars,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ moveId, step, body, context }: TakeSchoolMoveStepCommand) {
    const [move] = await this.dataSource.query(`SELECT child_id FROM read_models.school_moves WHERE move_id = $1`, [
      moveId,
    ]);
    if (!move) throw new NotFoundException({ message: `No school move ${moveId}`, field: 'moveId' });
    const command = {
      ...body,
      type: step.command,
      moveId,
      by: context.actor,
      at: this.clock().toISOString(),
    } as unknown as SchoolMoveCommand;
    return this.decisions.execute(schoolMoveDecider(this.calendars), childStream(move.child_id), command, {
      actor: context.actor,
      correlationId: context.requestId,
      childId: move.child_id,
      happenedOn: [step.dayField],
    });
  }
}
