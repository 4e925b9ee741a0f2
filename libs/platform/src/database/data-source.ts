import { DataSource } from 'typeorm';
import { platformEntities, platformMigrations } from './schema';

export interface DataSourceOptions {
  readonly url: string;
  readonly idleInTransactionTimeoutMs?: number;
  readonly poolSize?: number;
}

/** The platform's TypeORM connection: read models and migrations, never `synchronize`. */
export function createDataSource({ url, idleInTransactionTimeoutMs = 30_000, poolSize = 10 }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: platformEntities,
    migrations: platformMigrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    // TypeORM would log a failed query with its parameters (children's names, case notes);
    // whoever catches the error reports it without them (HttpErrorsFilter, ProjectionRunner).
    logging: false,
    extra: { max: poolSize, options: `-c idle_in_transaction_session_timeout=${idleInTransactionTimeoutMs}` },
  });
}

/** Applies pending migrations, each in its own transaction. */
export async function migrate(dataSource: DataSource): Promise<void> {
  await dataSource.runMigrations({ transaction: 'each' });
}
