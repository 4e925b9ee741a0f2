import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CHILD_FLAGS, type ChildFlag } from '@app/domain';

/** A UPN is a letter, 11 digits and a check character (DfE format). */
const UPN = /^[A-Z][0-9]{11}[0-9A-Z]$/;

export class RegisterChildDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  givenName!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  familyName!: string;

  @ApiProperty({ example: '2014-03-02' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date as YYYY-MM-DD' })
  dateOfBirth!: string;

  @ApiPropertyOptional({ example: 'A12345678901B' })
  @IsOptional()
  @Matches(UPN, { message: 'upn must be a Unique Pupil Number: a letter, 11 digits and a check character' })
  upn?: string;

  @ApiProperty({ example: 'school-oakfield' })
  @IsString()
  @IsNotEmpty()
  schoolId!: string;

  @ApiProperty({ minimum: 0, maximum: 14, description: 'Reception is 0' })
  @IsInt()
  @Min(0)
  @Max(14)
  yearGroup!: number;

  @ApiProperty({ enum: CHILD_FLAGS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(CHILD_FLAGS, { each: true })
  flags!: ChildFlag[];
}

export class CorrectChildDetailsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  givenName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  familyName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date as YYYY-MM-DD' })
  dateOfBirth?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(UPN, { message: 'upn must be a Unique Pupil Number: a letter, 11 digits and a check character' })
  upn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  schoolId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(14)
  yearGroup?: number;

  @ApiPropertyOptional({ enum: CHILD_FLAGS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CHILD_FLAGS, { each: true })
  flags?: ChildFlag[];

  @ApiProperty({ description: 'Why the record is corrected (kept with the correction)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
