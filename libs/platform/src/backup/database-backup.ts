import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { clientTool, libpqConnection, requireToolFor } from './postgres-client-tools';

const run = promisify(execFile);

export interface BackupOptions {
  /** The schema owner's URL (MIGRATION_DATABASE_URL, or DATABASE_URL alone): it can read every table. */
  readonly ownerUrl: string;
  readonly file: string;
  /** PG_BIN_DIR: where pg_dump is; absent, PATH. */
  readonly binDir?: string;
}

/**
 * One pg_dump in its custom format, in one snapshot, so the event log, the wrapped data keys,
 * the access log with its anchors, the outbox and the migrations table agree with each other.
 * Read models are left out (their tables, not their data): they are rebuilt from the log on
 * restore, and leaving them out keeps decrypted copies of personal data out of the file.
 * Owners and grants are left out too: the restoring owner owns everything, and the platform
 * grants the app role at every start (ADR 012).
 */
export async function backUpDatabase({ ownerUrl, file, binDir }: BackupOptions): Promise<void> {
  const pgDump = clientTool('pg_dump', binDir);
  await requireToolFor(pgDump, ownerUrl);
  const { args, env } = libpqConnection(ownerUrl);
  await run(
    pgDump,
    [
      ...args,
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      '--exclude-table-data=read_models.*',
      '--exclude-schema=read_models_rebuild_*',
      '--file',
      file,
    ],
    { env },
  );
}
