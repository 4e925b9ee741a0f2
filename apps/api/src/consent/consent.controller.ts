import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { consentPolicies } from '@app/access';
import type { ConsentRecipient } from '@app/domain';
import { consentCoverageFor, consentScopesOf } from '@app/projections';
import { Policy } from '../access/policy.decorator';
import type { Decided } from '../http/decisions';
import { Requester, type RequestContext } from '../http/request-context';
import { CLOCK } from '../http/tokens';
import { AssessCompetenceCommand, RecordConsentDecisionCommand, WithdrawConsentCommand } from './consent-commands';
import { CompetenceAssessmentDto, ConsentDecisionDto, ConsentWithdrawalDto, CoverageQueryDto } from './consent.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('consent')
@ApiBearerAuth()
@Controller('children/:childId')
export class ConsentController {
  constructor(
    private readonly commands: CommandBus,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  /** A consent given or refused: informed, scoped, evidenced; who may decide follows the child's age and competence. */
  @Post('consents')
  @Policy(consentPolicies.record)
  async record(
    @Param('childId', uuid) childId: string,
    @Body() body: ConsentDecisionDto,
    @Requester() requester: RequestContext,
  ) {
    const decided: Decided & { consentId: string } = await this.commands.execute(
      new RecordConsentDecisionCommand(childId, body, requester),
    );
    return { consentId: decided.consentId, revision: decided.revision.toString() };
  }

  /** Effective at once: nothing more is shared under it (Box 14). */
  @Post('consents/:consentId/withdrawal')
  @HttpCode(200)
  @Policy(consentPolicies.record)
  async withdraw(
    @Param('childId', uuid) childId: string,
    @Param('consentId', uuid) consentId: string,
    @Body() body: ConsentWithdrawalDto,
    @Requester() requester: RequestContext,
  ) {
    const decided: Decided = await this.commands.execute(
      new WithdrawConsentCommand(childId, consentId, body, requester),
    );
    return { consentId, revision: decided.revision.toString() };
  }

  /** Gillick / Fraser (Box 15): whether the child can decide this matter for themselves. */
  @Post('competence-assessments')
  @Policy(consentPolicies.record)
  async assessCompetence(
    @Param('childId', uuid) childId: string,
    @Body() body: CompetenceAssessmentDto,
    @Requester() requester: RequestContext,
  ) {
    const decided: Decided & { assessmentId: string } = await this.commands.execute(
      new AssessCompetenceCommand(childId, body, requester),
    );
    return { assessmentId: decided.assessmentId, revision: decided.revision.toString() };
  }

  @Get('consents')
  @Policy(consentPolicies.read)
  consents(@Param('childId', uuid) childId: string) {
    return consentScopesOf(this.dataSource.manager, childId);
  }

  /** The one gate question: is this purpose, for this agency, on this category, covered now (or at `at`), and by which consent. */
  @Get('consent-coverage')
  @Policy(consentPolicies.read)
  coverage(@Param('childId', uuid) childId: string, @Query() query: CoverageQueryDto) {
    return consentCoverageFor(this.dataSource.manager, childId, {
      purpose: query.purpose,
      agencyId: query.agencyId as ConsentRecipient,
      category: query.category,
      at: query.at ?? this.clock().toISOString(),
    });
  }
}
