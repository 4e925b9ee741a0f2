import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { eventCatalogue } from '@app/domain/catalogue';
import type { EventStore } from '@app/event-store/event-store.port';
import { PostgresEventStore } from '@app/event-store/postgres/postgres-event-store';
import { ChildDataKeys } from '@app/event-store/personal-data/child-data-keys';
import { ProtectedEventStore } from '@app/event-store/personal-data/protected-event-store';
import { EventStoreDBEventStore } from '@app/event-store/eventstoredb/eventstoredb-event-store';
import { derivedOutboxProjection } from '@app/integration/outbox/derived-outbox.projection';
import { createOutboxHook } from '@app/integration/outbox/outbox-hook';
import { ProjectionRunner } from '@app/projections/runtime/projection-runner';
import { platformProjections } from '@app/projections/catalogue';
import type { PlatformConfig } from '../config/config';
import { createDataSource, migrate } from '../database/data-source';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../embedded/embedded-postgres';
import { localSecret } from '../secrets/local-secret';

/** Everything a process of the platform shares: database, event store, keys, projections. */
export interface PlatformRuntime {
  readonly config: PlatformConfig;
  readonly databaseUrl: string;
  readonly dataSource: DataSource;
  /** Plain pg pool for the event store and the outbox (same database as the read models). */
  readonly pool: Pool;
  readonly eventStore: EventStore;
  readonly dataKeys: ChildDataKeys;
  readonly projections: ProjectionRunner;
  readonly pseudonymKey: Buffer;
  close(): Promise<void>;
}

export interface OpenPlatformOptions {
  readonly log?: (line: string) => void;
  /** Append hooks run inside each PostgreSQL append transaction (the outbox). */
  readonly appendHooks?: ConstructorParameters<typeof PostgresEventStore>[0]['appendHooks'];
}

/** Opens the database (embedded when DATABASE_URL is absent), migrates it and assembles the stores. */
export async function openPlatform(config: PlatformConfig, options: OpenPlatformOptions = {}): Promise<PlatformRuntime> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, log);
    databaseUrl = embedded.url;
  }
  const dataSource = createDataSource({ url: databaseUrl, idleInTransactionTimeoutMs: config.idleInTransactionTimeoutMs });
  await dataSource.initialize();
  await migrate(dataSource);
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 10,
    options: `-c idle_in_transaction_session_timeout=${config.idleInTransactionTimeoutMs}`,
  });
  // An idle connection dropped by the server (restart, shutdown) is replaced on next use, not fatal.
  pool.on('error', (error) => log(`database connection lost: ${error.message}`));

  const keyEncryptionKey = config.dataKeyEncryptionKey ?? localSecret(config.dataDir, 'data-key-encryption');
  const pseudonymKey = config.pseudonymKey ?? localSecret(config.dataDir, 'pseudonym');
  const dataKeys = new ChildDataKeys(pool, keyEncryptionKey);
  // Every process that appends writes the outbox in the same transaction (libs/integration).
  const outbox = createOutboxHook({ pseudonymKey, reveal: (events) => eventStore.reveal(events) });
  const inner: EventStore = config.eventStoreUrl
    ? new EventStoreDBEventStore(config.eventStoreUrl)
    : new PostgresEventStore({ pool, appendHooks: [outbox, ...(options.appendHooks ?? [])] });
  const eventStore = new ProtectedEventStore(inner, dataKeys, eventCatalogue);
  // EventStoreDB shares no transaction with PostgreSQL: its outbox is derived by a checkpointed projection (ADR 004).
  const projections = new ProjectionRunner(
    dataSource,
    eventStore,
    config.eventStoreUrl ? [...platformProjections, derivedOutboxProjection(pseudonymKey)] : platformProjections,
  );

  return {
    config,
    databaseUrl,
    dataSource,
    pool,
    eventStore,
    dataKeys,
    projections,
    pseudonymKey,
    async close() {
      await projections.stop();
      await eventStore.close();
      await pool.end();
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
