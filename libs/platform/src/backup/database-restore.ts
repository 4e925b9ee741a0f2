import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { PLATFORM_SCHEMAS } from '../database/database-roles';
import { rebaseCommitOrder } from './commit-order-rebase';
import { clientTool, libpqConnection, requireToolFor } from './postgres-client-tools';

const run = promisify(execFile);

export interface RestoreOptions {
  /** The schema owner of the empty database (MIGRATION_DATABASE_URL, or DATABASE_URL alone): it will own what is restored. */
  readonly ownerUrl: string;
  readonly file: string;
  readonly binDir?: string;
}

/** The database to restore into already holds platform tables: a restore never merges into a live database. */
export class DatabaseNotEmpty extends Error {
  constructor(readonly tables: readonly string[]) {
    super(
      `the database to restore into is not empty (it has ${tables.slice(0, 3).join(', ')}${tables.length > 3 ? ', …' : ''}): restore into a new, empty database`,
    );
    this.name = 'DatabaseNotEmpty';
  }
}

async function platformTables(ownerUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND (n.nspname = ANY($1) OR (n.nspname = 'public' AND c.relname = 'schema_migrations'))`,
      [PLATFORM_SCHEMAS],
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/**
 * Loads a backup (database-backup.ts) into an empty database: schema and data first, then the
 * commit ids of the log are rebased onto this server (commit-order-rebase.ts), then indexes,
 * constraints and the append-only triggers. Each step is one transaction; a failed step
 * leaves a database the next try refuses as not empty: drop it and create it again.
 * The read models come back empty: rebuild them (the restore command does).
 */
export async function restoreDatabase({ ownerUrl, file, binDir }: RestoreOptions): Promise<void> {
  const pgRestore = clientTool('pg_restore', binDir);
  await requireToolFor(pgRestore, ownerUrl);
  const existing = await platformTables(ownerUrl);
  if (existing.length > 0) throw new DatabaseNotEmpty(existing);
  const { args, env } = libpqConnection(ownerUrl);
  const restore = (...sections: string[]) =>
    run(
      pgRestore,
      [
        ...args,
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        '--exit-on-error',
        ...sections.map((s) => `--section=${s}`),
        file,
      ],
      { env },
    );
  await restore('pre-data', 'data');
  await rebaseCommitOrder(ownerUrl);
  await restore('post-data');
}
