import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { familyPolicies } from '@app/access';
import { linksOfChild } from '@app/projections';
import { Policy } from '../access/policy.decorator';
import type { Decided } from '../http/decisions';
import { ApiRecorded } from '../http/recorded-answer';
import { Requester, type RequestContext } from '../http/request-context';
import { LinkFamilyMemberCommand, UnlinkFamilyMemberCommand } from './family-commands';
import { LinkFamilyMemberBody, UnlinkFamilyMemberBody } from './family-bodies';

const uuid = new ParseUUIDPipe({ version: '4' });

/** The school's side: which family accounts may see the child's record from home (ADR 017). */
@ApiTags('family')
@ApiBearerAuth()
@Controller('children/:childId/family-links')
export class FamilyLinksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
  ) {}

  /** Links a parent-carer (parental responsibility checked) or the young person (seen in person) to the child. */
  @Post()
  @HttpCode(201)
  @Policy(familyPolicies.link)
  @ApiRecorded(201, 'linkId')
  async link(
    @Param('childId', uuid) childId: string,
    @Body() body: LinkFamilyMemberBody,
    @Requester() requester: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const decided: Decided & { linkId: string } = await this.commands.execute(
      new LinkFamilyMemberCommand(childId, body, requester),
    );
    res.setHeader('Location', `/children/${childId}/family-links`);
    return { linkId: decided.linkId, revision: decided.revision.toString() };
  }

  /** Ends a link, with the reason: the account sees nothing more of the child from then on. */
  @Post(':linkId/unlinking')
  @HttpCode(200)
  @Policy(familyPolicies.link)
  @ApiRecorded(200, 'linkId')
  async unlink(
    @Param('childId', uuid) childId: string,
    @Param('linkId', uuid) linkId: string,
    @Body() body: UnlinkFamilyMemberBody,
    @Requester() requester: RequestContext,
  ) {
    const decided: Decided = await this.commands.execute(
      new UnlinkFamilyMemberCommand(childId, linkId, body, requester),
    );
    return { linkId, revision: decided.revision.toString() };
  }

  /** Every link of the child, ended ones with why and when. */
  @Get()
  @Policy(familyPolicies.readLinks)
  async links(@Param('childId', uuid) childId: string) {
    return (await linksOfChild(this.dataSource.manager, childId)).map((l) => ({
      linkId: l.linkId,
      childId: l.childId,
      userId: l.userId,
      kind: l.kind,
      relationship: l.relationship,
      evidence: l.evidence,
      linkedOn: l.linkedOn,
      linkedBy: l.linkedBy,
      unlinked: l.unlinkedOn ? { on: l.unlinkedOn, reason: l.unlinkReason, by: l.unlinkedBy } : null,
    }));
  }
}
