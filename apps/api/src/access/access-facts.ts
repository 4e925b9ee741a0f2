import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessFacts } from '@app/access/policy/policy';

/** Relationships to children, read from the read models the projections keep. */
@Injectable()
export class ReadModelAccessFacts implements AccessFacts {
  constructor(private readonly dataSource: DataSource) {}

  async schoolOfChild(childId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT school_id FROM read_models.child_records WHERE child_id::text = $1`, [childId]);
    return row?.school_id ?? null;
  }
}
