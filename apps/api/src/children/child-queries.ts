import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ChildRecord } from '@app/projections';

export class GetChildRecordQuery {
  constructor(readonly childId: string) {}
}

@QueryHandler(GetChildRecordQuery)
export class GetChildRecordHandler implements IQueryHandler<GetChildRecordQuery, ChildRecord> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ childId }: GetChildRecordQuery): Promise<ChildRecord> {
    const record = await this.dataSource.getRepository(ChildRecord).findOneBy({ childId });
    if (!record)
      throw new NotFoundException({ error: 'Not Found', message: `No child record ${childId}`, field: 'childId' });
    return record;
  }
}
