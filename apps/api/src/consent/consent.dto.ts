import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { CONSENT_PURPOSES, INFORMATION_CATEGORIES, type ConsentPurpose, type InformationCategory } from '@app/domain';
import type { ConsentEvidence, ConsentGiver, ConsentScope, CriterionFinding, InformedOf } from '@app/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The shape of each part is checked here; what it means (who may decide, scope, dates) by the consent domain. */
export class ConsentDecisionDto {
  @ApiProperty({ enum: ['given', 'refused'] })
  @IsIn(['given', 'refused'])
  decision!: 'given' | 'refused';

  @ApiProperty({ example: { kind: 'parent-carer', name: 'Jo Smith', relationship: 'mother' } })
  @IsObject()
  giver!: ConsentGiver;

  @ApiProperty({ description: 'Box 14: what they were told: purpose, use, recipients, retention' })
  @IsObject()
  informed!: InformedOf;

  @ApiProperty({
    example: {
      purposes: ['learning-mentor-support'],
      recipients: ['school-oakfield'],
      categories: ['education', 'attendance'],
    },
  })
  @IsObject()
  scope!: ConsentScope;

  @ApiProperty({ example: { form: 'written', documentRef: 'consent-form-2026-041' } })
  @IsObject()
  evidence!: ConsentEvidence;

  @ApiProperty({ example: '2026-09-01', description: 'The day it was decided; a consent covers from this day' })
  @Matches(DATE, { message: 'decidedOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  decidedOn!: string;

  @ApiPropertyOptional({ example: '2027-07-20', description: 'Given consents: the first day it no longer covers' })
  @IsOptional()
  @Matches(DATE, { message: 'expiresOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  expiresOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ConsentWithdrawalDto {
  @ApiProperty({ example: { kind: 'parent-carer', name: 'Jo Smith', relationship: 'mother' } })
  @IsObject()
  withdrawnBy!: ConsentGiver;

  @ApiProperty({ example: { form: 'verbal', witnessedBy: 'dsl.oakfield' } })
  @IsObject()
  evidence!: ConsentEvidence;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class CoverageQueryDto {
  @ApiProperty({ enum: CONSENT_PURPOSES })
  @IsIn(CONSENT_PURPOSES)
  purpose!: ConsentPurpose;

  @ApiProperty({ example: 'school-oakfield' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  agencyId!: string;

  @ApiProperty({ enum: INFORMATION_CATEGORIES })
  @IsIn(INFORMATION_CATEGORIES)
  category!: InformationCategory;

  @ApiPropertyOptional({ description: 'An instant (ISO 8601); now when absent' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

export class CompetenceAssessmentDto {
  @ApiProperty({ enum: ['gillick', 'fraser'] })
  @IsIn(['gillick', 'fraser'])
  framework!: 'gillick' | 'fraser';

  @ApiProperty({ example: 'Whether parents see what I tell my mentor' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  decisionAbout!: string;

  @ApiProperty({ description: 'One finding per criterion of the framework (Box 15)' })
  @IsArray()
  criteria!: CriterionFinding[];

  @ApiProperty({ enum: ['competent', 'not-competent'] })
  @IsIn(['competent', 'not-competent'])
  outcome!: 'competent' | 'not-competent';

  @ApiProperty({ example: '2026-10-05' })
  @Matches(DATE, { message: 'assessedOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  assessedOn!: string;
}
