import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { sharingPolicies } from '@app/access';
import { sharingAwaitingApproval } from '@app/projections';
import { Policy } from '../access/policy.decorator';
import { Requester, type RequestContext } from '../http/request-context';

/** The approval inbox of a school's DSL or head teacher: sharing without consent waiting for them, never their own proposals. */
@ApiTags('sharing')
@ApiBearerAuth()
@Controller('schools/:schoolId')
export class SharingApprovalsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('sharing-approvals')
  @Policy(sharingPolicies.approvals)
  inbox(@Param('schoolId') schoolId: string, @Requester() { actor }: RequestContext) {
    return sharingAwaitingApproval(this.dataSource.manager, schoolId, actor.userId);
  }
}
