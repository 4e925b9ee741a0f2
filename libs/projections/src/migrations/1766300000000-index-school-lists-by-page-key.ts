import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The school lists are read a page at a time in their own order: an index per list on the
 * school then the sort key, only over the list's stage, lets a page read its rows straight
 * from the index instead of sorting the school's whole list (the expression of the register's
 * priority order is libs/projections/src/school/queries/pupil-register.ts's).
 */
export class IndexSchoolListsByPageKey1766300000000 implements MigrationInterface {
  name = 'IndexSchoolListsByPageKey1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX mentor_cases_register_page ON read_models.mentor_cases
        (school_id, (CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END), triaged_on, referral_id)
        WHERE stage = 'on-register'`);
    await q.query(
      `CREATE INDEX mentor_cases_triage_page ON read_models.mentor_cases (school_id, referred_on, referral_id) WHERE stage = 'awaiting-triage'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX read_models.mentor_cases_triage_page`);
    await q.query(`DROP INDEX read_models.mentor_cases_register_page`);
  }
}
