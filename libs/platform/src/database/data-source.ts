import { DataSource, type MixedList } from 'typeorm';
import { grantTheAppRole } from './app-role-grants';
import { PreparingClient } from './prepared-statements';
import { QueryLog } from './query-log';

/** What a data source migrates and maps: the composition root passes every library's (libs/composition/src/schema.ts). */
export interface DatabaseSchema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function>;
}

export interface DataSourceOptions {
  readonly url: string;
  readonly schema: DatabaseSchema;
  readonly idleInTransactionTimeoutMs?: number;
  readonly poolSize?: number;
  /** Where a failed query is reported (without its parameters). */
  readonly log?: (line: string) => void;
}

/** The platform's TypeORM connection: read models and migrations, never `synchronize`. */
export function createDataSource({
  url,
  schema,
  idleInTransactionTimeoutMs = 30_000,
  poolSize = 10,
  log = (line) => process.stderr.write(`${line}\n`),
}: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: ['error', 'warn'],
    logger: new QueryLog(log),
    extra: {
      Client: PreparingClient,
      max: poolSize,
      options: `-c idle_in_transaction_session_timeout=${idleInTransactionTimeoutMs}`,
    },
  });
}

/** Applies pending migrations, each in its own transaction. */
export async function migrate(dataSource: DataSource): Promise<void> {
  await dataSource.runMigrations({ transaction: 'each' });
}

/** Migrates and grants as the owner, on a connection of its own closed after: the platform's pools are the app role's (ADR 012). */
export async function migrateAsOwner(
  ownerUrl: string,
  appRole: string,
  schema: DatabaseSchema,
  log?: (line: string) => void,
): Promise<void> {
  const owner = createDataSource({ url: ownerUrl, schema, poolSize: 1, log });
  await owner.initialize();
  try {
    await migrate(owner);
    await grantTheAppRole(owner, appRole);
  } finally {
    await owner.destroy();
  }
}
