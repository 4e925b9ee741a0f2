import { NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ChildRecord } from '@app/projections';

/** The child's date of birth from their record: age and date rules never trust a request body. */
export async function dateOfBirthOf(dataSource: DataSource, childId: string): Promise<string> {
  const record = await dataSource.getRepository(ChildRecord).findOneBy({ childId });
  if (!record?.dateOfBirth)
    throw new NotFoundException({ message: `No child record ${childId} with a date of birth`, field: 'childId' });
  return record.dateOfBirth;
}
