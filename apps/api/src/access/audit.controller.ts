import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { IsSequenceNumber } from '../platform/sequence-number';
import { AccessLog } from '@app/access/audit/access-log';
import { SecurityLog } from '@app/access/audit/security-log';
import { ROLES } from '@app/access/directory/roles';
import { administrationPolicies } from '@app/access/policy/administration.policies';
import { roleIn } from '@app/access/policy/policy';
import { Requester, type RequestContext } from '../platform/request-context';
import { Policy } from './policy.decorator';

export class HistoryPage {
  /** Entries older than this sequence number (from the previous page's last entry). */
  @ApiPropertyOptional({ type: String, pattern: '^\\d{1,19}$' })
  @IsOptional()
  @IsSequenceNumber()
  before?: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

const page = (query: HistoryPage) => ({ before: query.before, limit: query.limit ?? 50 });

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly accessLog: AccessLog, private readonly securityLog: SecurityLog) {}

  @Get('verify')
  @Policy(administrationPolicies.verifyAccessLog)
  verify() {
    return this.accessLog.verify();
  }

  /** Failed authentications, newest first: when, from which address, why (never the token). */
  @Get('security-log')
  @Policy(administrationPolicies.readSecurityLog)
  failedAuthentications(@Query() query: HistoryPage) {
    return this.securityLog.page(page(query));
  }

  @Get('children/:childId/access-history')
  @Policy(administrationPolicies.accessHistory)
  childHistory(@Param('childId') childId: string, @Query() query: HistoryPage) {
    return this.accessLog.history({ childId }, page(query));
  }

  @Get('users/:userId/access-history')
  @Policy(administrationPolicies.accessHistory)
  userHistory(@Param('userId') userId: string, @Query() query: HistoryPage) {
    return this.accessLog.history({ userId }, page(query));
  }

  @Get('me/access-history')
  @Policy(roleIn('access-log.own-history', ROLES))
  ownHistory(@Requester() requester: RequestContext, @Query() query: HistoryPage) {
    return this.accessLog.history({ userId: requester.actor.userId }, page(query));
  }
}
