import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The roles a user may hold, as of this migration: teachers and teaching assistants join. */
const ROLES_NOW = [
  'learning-mentor',
  'senco',
  'dsl',
  'head-teacher',
  'teacher',
  'teaching-assistant',
  'mast-coordinator',
  'panel-member',
  'key-worker',
  'social-worker',
  'practitioner',
  'lead-professional',
  'dpo',
  'parent-carer',
  'young-person',
  'admin',
];
const ROLES_BEFORE = ROLES_NOW.filter((role) => role !== 'teacher' && role !== 'teaching-assistant');
const check = (roles: readonly string[]) => `CHECK (role IN (${roles.map((r) => `'${r}'`).join(', ')}))`;

/** A directory created before teachers and teaching assistants had a role refuses them: widen its check. */
export class SchoolStaffRoles1764000000300 implements MigrationInterface {
  name = 'SchoolStaffRoles1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE access.users DROP CONSTRAINT users_role_check, ADD CONSTRAINT users_role_check ${check(ROLES_NOW)}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE access.users DROP CONSTRAINT users_role_check, ADD CONSTRAINT users_role_check ${check(ROLES_BEFORE)}`,
    );
  }
}
