import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { isIsoDate } from '@app/domain';

/** A path or query value that must be a day, e.g. a panel's date: 400 naming the field otherwise. */
export class DayPipe implements PipeTransform<unknown, string | undefined> {
  constructor(
    private readonly field: string,
    private readonly optional = false,
  ) {}

  transform(value: unknown): string | undefined {
    if (this.optional && (value === undefined || value === '')) return undefined;
    if (isIsoDate(value)) return value;
    throw new BadRequestException({
      error: 'Bad Request',
      rule: 'request.day',
      message: `${this.field} must be a day as YYYY-MM-DD`,
      field: this.field,
    });
  }
}
