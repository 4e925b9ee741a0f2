import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { sharingPolicies } from '@app/access';
import { correctionNoticesTo, erasureNoticesTo, receivedInformation } from '@app/projections';
import { Policy } from '../access/policy.decorator';

const optionalUuid = new ParseUUIDPipe({ version: '4', optional: true });

/** An agency's own read model of what was disclosed to it, corrections applied: nothing else reaches it. */
@ApiTags('sharing')
@ApiBearerAuth()
@Controller('agencies/:agencyId')
export class ReceivedController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('received-information')
  @Policy(sharingPolicies.received)
  received(@Param('agencyId') agencyId: string, @Query('childId', optionalUuid) childId?: string) {
    return receivedInformation(this.dataSource.manager, agencyId, childId);
  }

  @Get('correction-notices')
  @Policy(sharingPolicies.received)
  notices(@Param('agencyId') agencyId: string) {
    return correctionNoticesTo(this.dataSource.manager, agencyId);
  }

  @Get('erasure-notices')
  @Policy(sharingPolicies.received)
  erasureNotices(@Param('agencyId') agencyId: string) {
    return erasureNoticesTo(this.dataSource.manager, agencyId);
  }
}
