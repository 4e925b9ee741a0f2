import type { WorkingDayCalendar } from '@app/domain';
import type { SchoolCalendars } from '@app/domain';
import { dayOf } from '@app/domain';
import { loadBankHolidays } from '@app/platform';
import { loadSchoolCalendars } from '@app/platform';
import { loadRetentionSchedule } from '@app/platform';
import type { RetentionSchedule } from '@app/domain';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { eventCatalogue } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { ChildDataKeys } from '@app/event-store';
import { ProtectedEventStore } from '@app/event-store';
import { KeyEncryptionKeys } from '@app/event-store';
import { TracedEventStore } from '@app/event-store';
import { refuseRetiredKeys } from './retired-keys';
import { EventStoreDBEventStore } from '@app/event-store';
import { derivedOutboxProjection } from '@app/integration';
import { createOutboxHook } from '@app/integration';
import { ProjectionRunner } from '@app/projections';
import { platformProjections } from '@app/projections';
import type { PlatformConfig } from '@app/platform';
import { createDataSource, migrate, migrateAsOwner } from '@app/platform';
import { userOf } from '@app/platform';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@app/platform';
import { localSecret } from '@app/platform';
import { platformSchema } from './schema';

/** The system clock: the only place the platform reads the wall clock (ADR 009); benchmarks, which run in real time, use it too. */
export const systemClock = (): Date => new Date();

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
  /** Working days for every statutory and MAST deadline (BANK_HOLIDAYS_FILE). */
  readonly calendar: WorkingDayCalendar;
  /** Each school's days (its terms and closures, SCHOOL_CALENDARS_FILE) for deadlines counted in school days. */
  readonly schoolCalendars: SchoolCalendars;
  /** Retention periods per record class (RETENTION_SCHEDULE_FILE). */
  readonly retentionSchedule: RetentionSchedule;
  /** "Now" for what users record: received-at stamps, today's deadlines. Tests move it; production reads the system clock. */
  readonly clock: () => Date;
  close(): Promise<void>;
}

export interface OpenPlatformOptions {
  readonly log?: (line: string) => void;
  /** Append hooks run inside each PostgreSQL append transaction (the outbox). */
  readonly appendHooks?: ConstructorParameters<typeof PostgresEventStore>[0]['appendHooks'];
  readonly clock?: () => Date;
}

/** Opens the database (embedded when DATABASE_URL is absent), migrates it and assembles the stores. */
export async function openPlatform(
  config: PlatformConfig,
  options: OpenPlatformOptions = {},
): Promise<PlatformRuntime> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  // Read before anything starts: a bad calendar is a configuration error, not a late surprise.
  const clock = options.clock ?? systemClock;
  const bankHolidays = loadBankHolidays(config.bankHolidaysFile);
  if (bankHolidays.lastYear <= clock().getUTCFullYear()) {
    log(
      `warning: ${config.bankHolidaysFile} lists bank holidays only up to ${bankHolidays.lastYear}; later deadlines count weekends only`,
    );
  }
  const schoolCalendars = loadSchoolCalendars(config.schoolCalendarsFile, bankHolidays.days);
  if (schoolCalendars.coveredUntil === undefined || schoolCalendars.coveredUntil < dayOf(clock().toISOString())) {
    log(
      `warning: ${config.schoolCalendarsFile} lists no term after ${schoolCalendars.coveredUntil ?? 'none'}; school-day deadlines count working days only`,
    );
  }
  const retentionSchedule = loadRetentionSchedule(config.retentionScheduleFile);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  let ownerUrl = config.migrationDatabaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, log);
    databaseUrl = embedded.appUrl;
    ownerUrl = embedded.ownerUrl;
  }
  // The owner migrates and grants; every pool of the runtime is the app role's, which cannot alter the records (ADR 012).
  if (ownerUrl) await migrateAsOwner(ownerUrl, userOf(databaseUrl), platformSchema, log);
  const dataSource = createDataSource({
    schema: platformSchema,
    url: databaseUrl,
    idleInTransactionTimeoutMs: config.idleInTransactionTimeoutMs,
    log,
  });
  await dataSource.initialize();
  if (!ownerUrl) {
    log(
      'warning: DATABASE_URL alone both migrates and runs the platform: set MIGRATION_DATABASE_URL to the schema owner so the platform cannot alter its own records (ADR 012)',
    );
    await migrate(dataSource);
  }
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 10,
    options: `-c idle_in_transaction_session_timeout=${config.idleInTransactionTimeoutMs}`,
  });
  // An idle connection dropped by the server (restart, shutdown) is replaced on next use, not fatal.
  pool.on('error', (error) => log(`database connection lost: ${error.message}`));

  const keyEncryptionKey = config.dataKeyEncryptionKey ?? localSecret(config.dataDir, 'data-key-encryption');
  const pseudonymKey = config.pseudonymKey ?? localSecret(config.dataDir, 'pseudonym');
  const keyEncryptionKeys = KeyEncryptionKeys.of(keyEncryptionKey, config.dataKeyEncryptionKeyPrevious);
  await refuseRetiredKeys(pool, keyEncryptionKeys).catch(async (error: unknown) => {
    await pool.end();
    await dataSource.destroy();
    await embedded?.stop();
    throw error;
  });
  const dataKeys = new ChildDataKeys(pool, keyEncryptionKeys);
  // Every process that appends writes the outbox in the same transaction (libs/integration).
  const outbox = createOutboxHook({
    pseudonymKey,
    previousPseudonymKey: config.pseudonymKeyPrevious,
    reveal: (events) => protectedStore.reveal(events),
  });
  const inner: EventStore = config.eventStoreUrl
    ? new EventStoreDBEventStore(config.eventStoreUrl)
    : new PostgresEventStore({ pool, appendHooks: [outbox, ...(options.appendHooks ?? [])] });
  const protectedStore = new ProtectedEventStore(inner, dataKeys, eventCatalogue);
  const eventStore = new TracedEventStore(protectedStore);
  // EventStoreDB shares no transaction with PostgreSQL: its outbox is derived by a checkpointed projection (ADR 004).
  const projections = new ProjectionRunner(
    dataSource,
    eventStore,
    config.eventStoreUrl ? [...platformProjections, derivedOutboxProjection(pseudonymKey)] : platformProjections,
    undefined,
    log,
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
    calendar: bankHolidays.calendar,
    schoolCalendars: schoolCalendars.calendars,
    retentionSchedule,
    clock,
    async close() {
      await projections.stop();
      await eventStore.close();
      await pool.end();
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
