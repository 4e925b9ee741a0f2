import { Body, ConflictException, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { IsSequenceNumber } from '../http/sequence-number';
import { ACCESS_OUTCOMES, AccessLog, type AccessOutcome } from '@app/access';
import { ChainAnchors, ChainBehindAnchor } from '@app/access';
import { SecurityLog } from '@app/access';
import { administrationPolicies } from '@app/access';
import { bodyShape } from '../http/body-shape';
import { Requester, type RequestContext } from '../http/request-context';
import { verifyChain } from './chain-verification';
import { Policy } from './policy.decorator';

export class PageSize {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class HistoryPage extends PageSize {
  /** Entries older than this sequence number (from the previous page's last entry). */
  @ApiPropertyOptional({ type: String, pattern: '^\\d{1,19}$' })
  @IsOptional()
  @IsSequenceNumber()
  before?: string;
}

/** A history page, optionally only the allowed or only the refused entries. */
export class FilteredHistoryPage extends HistoryPage {
  @ApiPropertyOptional({ enum: ACCESS_OUTCOMES })
  @IsOptional()
  @IsIn(ACCESS_OUTCOMES, { message: `outcome is ${ACCESS_OUTCOMES.join(' or ')}` })
  outcome?: AccessOutcome;
}

/** Anchoring takes no fields: the head it signs is the platform's, never the caller's. */
export class AnchorRequest extends bodyShape({}) {}

const page = (query: HistoryPage) => ({ before: query.before, limit: query.limit ?? 50 });

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly accessLog: AccessLog,
    private readonly securityLog: SecurityLog,
    private readonly anchors: ChainAnchors,
  ) {}

  /** The chain recomputed and held against every anchor: a cut tail names the anchor it contradicts (ADR 013). */
  @Get('verify')
  @Policy(administrationPolicies.verifyAccessLog)
  verify() {
    return verifyChain(this.accessLog, this.anchors);
  }

  /** The newest anchors, newest first, with the public key that verifies their signatures. */
  @Get('anchors')
  @Policy(administrationPolicies.readChainAnchors)
  async chainAnchors(@Query() query: PageSize) {
    return { key: this.anchors.publicKey, anchors: await this.anchors.page(query.limit ?? 50) };
  }

  /** Signs the head now (besides every AUDIT_ANCHOR_INTERVAL_SECONDS): before an inspection, after an incident. */
  @Post('anchors')
  @Policy(administrationPolicies.anchorChain)
  async anchorNow(@Body() _request: AnchorRequest) {
    try {
      return await this.anchors.anchor();
    } catch (error) {
      if (error instanceof ChainBehindAnchor)
        throw new ConflictException({ error: 'Conflict', rule: 'access-log.anchor-behind', message: error.message });
      throw error;
    }
  }

  /** Failed authentications, newest first: when, from which address, why (never the token). */
  @Get('security-log')
  @Policy(administrationPolicies.readSecurityLog)
  failedAuthentications(@Query() query: HistoryPage) {
    return this.securityLog.page(page(query));
  }

  @Get('children/:childId/access-history')
  @Policy(administrationPolicies.accessHistory)
  childHistory(@Param('childId') childId: string, @Query() query: FilteredHistoryPage) {
    return this.accessLog.history({ childId, outcome: query.outcome }, page(query));
  }

  @Get('users/:userId/access-history')
  @Policy(administrationPolicies.accessHistory)
  userHistory(@Param('userId') userId: string, @Query() query: FilteredHistoryPage) {
    return this.accessLog.history({ userId, outcome: query.outcome }, page(query));
  }

  @Get('me/access-history')
  @Policy(administrationPolicies.ownAccessHistory)
  ownHistory(@Requester() requester: RequestContext, @Query() query: HistoryPage) {
    return this.accessLog.history({ userId: requester.actor.userId }, page(query));
  }
}
