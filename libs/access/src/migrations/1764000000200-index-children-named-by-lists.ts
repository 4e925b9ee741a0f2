import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A list that names children is one access-log entry carrying the ids it named.
 * The ids live here, one row per child, so a child's history finds every list
 * that named them by index; the entry's hash covers them, and the table is append-only
 * like the log itself.
 */
export class IndexChildrenNamedByLists1764000000200 implements MigrationInterface {
  name = 'IndexChildrenNamedByLists1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE access.access_log_named_children (
        seq bigint NOT NULL REFERENCES access.access_log (seq),
        child_id text NOT NULL,
        PRIMARY KEY (seq, child_id)
      )`);
    await q.query(`CREATE INDEX access_log_named_children_child ON access.access_log_named_children (child_id, seq)`);
    await q.query(`
      CREATE TRIGGER access_log_named_children_append_only BEFORE UPDATE OR DELETE ON access.access_log_named_children
      FOR EACH ROW EXECUTE FUNCTION access.refuse_change()`);
    await q.query(
      `CREATE TRIGGER access_log_named_children_no_truncate BEFORE TRUNCATE ON access.access_log_named_children EXECUTE FUNCTION access.refuse_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE access.access_log_named_children`);
  }
}
