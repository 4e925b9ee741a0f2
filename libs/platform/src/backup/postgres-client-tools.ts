import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/** The PostgreSQL client program `name` (pg_dump, pg_restore): from `binDir` (PG_BIN_DIR) when set, else from PATH. */
export function clientTool(name: 'pg_dump' | 'pg_restore', binDir?: string): string {
  if (!binDir) return name;
  const path = join(binDir, name);
  if (!existsSync(path)) throw new Error(`${path} does not exist: PG_BIN_DIR must hold pg_dump and pg_restore`);
  return path;
}

const majorOf = (versionLine: string): number =>
  Number(/(\d+)(?:\.\d+)?/.exec(versionLine.replace(/^[^)]*\)\s*/, ''))?.[1] ?? NaN);

/**
 * pg_dump refuses a server newer than itself, and a dump taken by an older pg_dump may miss
 * what a newer server has: the tool's major version must be at least the server's.
 */
export async function requireToolFor(tool: string, url: string): Promise<void> {
  let said: string;
  try {
    said = execFileSync(tool, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      `${tool} was not found: install the PostgreSQL client programs or set PG_BIN_DIR (scripts/pg-client.sh builds them)`,
    );
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
  await client.end();
  const server = Math.floor(Number(rows[0].server_version_num) / 10000);
  if (!(majorOf(said) >= server))
    throw new Error(
      `${tool} is "${said}" but the server is PostgreSQL ${server}: use the client programs of ${server} or later (PG_BIN_DIR)`,
    );
}

/** The connection as libpq arguments: the password goes in the environment, never on a command line others can read. */
export function libpqConnection(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { args: ['--dbname', parsed.toString()], env: { ...process.env, PGPASSWORD: password } };
}
