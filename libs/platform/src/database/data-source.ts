import { DataSource } from 'typeorm';
import { QueryLog } from './query-log';
import { platformEntities, platformMigrations } from './schema';

export interface DataSourceOptions {
  readonly url: string;
  readonly idleInTransactionTimeoutMs?: number;
  readonly poolSize?: number;
  /** Where a failed query is reported (without its parameters). */
  readonly log?: (line: string) => void;
  /** The owner's connection names the app role its migrations grant to (ADR 012). */
  readonly appRole?: string;
}

/** The platform's TypeORM connection: read models and migrations, never `synchronize`. */
export function createDataSource({ url, idleInTransactionTimeoutMs = 30_000, poolSize = 10, log = (line) => process.stderr.write(`${line}\n`), appRole }: DataSourceOptions): DataSource {
  const settings = [`-c idle_in_transaction_session_timeout=${idleInTransactionTimeoutMs}`, ...(appRole ? [`-c mast.app_role=${appRole}`] : [])];
  return new DataSource({
    type: 'postgres',
    url,
    entities: platformEntities,
    migrations: platformMigrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: ['error', 'warn'],
    logger: new QueryLog(log),
    extra: { max: poolSize, options: settings.join(' ') },
  });
}

/** Applies pending migrations, each in its own transaction. */
export async function migrate(dataSource: DataSource): Promise<void> {
  await dataSource.runMigrations({ transaction: 'each' });
}

/** Migrates as the owner on a connection of its own, closed after: the platform's pools are the app role's (ADR 012). */
export async function migrateAsOwner(ownerUrl: string, appRole: string, log?: (line: string) => void): Promise<void> {
  const owner = createDataSource({ url: ownerUrl, poolSize: 1, appRole, log });
  await owner.initialize();
  try {
    await migrate(owner);
  } finally {
    await owner.destroy();
  }
}
