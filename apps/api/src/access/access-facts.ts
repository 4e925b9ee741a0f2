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

  async caseOf(referralId: string): Promise<{ childId: string; schoolId: string } | null> {
    const [row] = await this.dataSource.query(`SELECT child_id, school_id FROM read_models.mentor_cases WHERE referral_id = $1`, [referralId]);
    return row ? { childId: row.child_id, schoolId: row.school_id } : null;
  }
}
