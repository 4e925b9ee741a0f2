import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsSequenceNumber } from '../http/sequence-number';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { roleIn } from '@app/access';
import { OUTBOX_STATES, outboxMessages, type OutboxState } from '@app/integration';
import { Policy } from '../access/policy.decorator';

export class OutboxQuery {
  @ApiPropertyOptional({ enum: OUTBOX_STATES })
  @IsOptional()
  @IsIn(OUTBOX_STATES)
  state?: OutboxState;

  @ApiPropertyOptional({ example: 'consent-withdrawn.v1' })
  @IsOptional()
  @Matches(/^[a-z0-9.-]+$/, { message: 'topic must be a topic name such as consent-withdrawn.v1' })
  topic?: string;

  /** Messages after this outbox id (the previous page's last id). */
  @ApiPropertyOptional({ type: String, pattern: '^\\d{1,19}$' })
  @IsOptional()
  @IsSequenceNumber()
  after?: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

@ApiTags('integration')
@ApiBearerAuth()
@Controller('integration')
export class OutboxController {
  constructor(private readonly dataSource: DataSource) {}

  /** Integration events waiting for, sent to, or refused by the bus; pseudonymous, no personal data. */
  @Get('outbox')
  @Policy(roleIn('integration.outbox', ['admin', 'dpo']))
  outbox(@Query() query: OutboxQuery) {
    return outboxMessages(this.dataSource, {
      state: query.state ?? 'pending',
      topic: query.topic,
      after: query.after,
      limit: query.limit ?? 100,
    });
  }
}
