import type { DataSource } from 'typeorm';
import { demoAgencies, demoUsers, type AgencyEntry, type UserEntry } from './demo-directory';

export interface DirectoryUser extends UserEntry {
  readonly active: boolean;
}

/** Agencies and users as data: who someone is comes from here, not from their token. */
export class Directory {
  constructor(private readonly dataSource: DataSource) {}

  async user(userId: string): Promise<DirectoryUser | null> {
    const [row] = await this.dataSource.query(
      `SELECT user_id AS "userId", display_name AS "displayName", role, agency_id AS "agencyId", active FROM access.users WHERE user_id = $1`,
      [userId],
    );
    return row ?? null;
  }

  async users(): Promise<DirectoryUser[]> {
    return this.dataSource.query(
      `SELECT user_id AS "userId", display_name AS "displayName", role, agency_id AS "agencyId", active FROM access.users ORDER BY agency_id, user_id`,
    );
  }

  async agencies(): Promise<AgencyEntry[]> {
    return this.dataSource.query(`SELECT agency_id AS "agencyId", name, kind FROM access.agencies ORDER BY agency_id`);
  }

  async agencyExists(agencyId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM access.agencies WHERE agency_id = $1`, [agencyId]);
    return rows.length > 0;
  }

  /** Adds an agency; false when the id is taken. */
  async addAgency(agency: AgencyEntry): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO access.agencies (agency_id, name, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING agency_id`,
      [agency.agencyId, agency.name, agency.kind],
    );
    return rows.length > 0;
  }

  /** Adds a user; false when the id is taken. */
  async addUser(user: UserEntry): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO access.users (user_id, display_name, role, agency_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING user_id`,
      [user.userId, user.displayName, user.role, user.agencyId],
    );
    return rows.length > 0;
  }

  async setActive(userId: string, active: boolean): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, count].
    const [, count] = await this.dataSource.query(`UPDATE access.users SET active = $2 WHERE user_id = $1`, [
      userId,
      active,
    ]);
    return count > 0;
  }

  /** The embedded default's demo agencies and users; existing rows are left as they are. */
  async seedDemo(): Promise<void> {
    for (const agency of demoAgencies) await this.addAgency(agency);
    for (const user of demoUsers) await this.addUser(user);
  }
}
