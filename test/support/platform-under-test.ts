import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalIssuer } from '@app/access';
import { IntegrationWorkers } from '@app/integration';
import { loadConfig, type PlatformConfig } from '@app/platform';
import { createPlatformLogger } from '@app/platform';
import { openPlatform, type OpenPlatformOptions, type PlatformRuntime } from '@app/composition';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { createApiApplication } from '../../apps/api/src/bootstrap';

/**
 * The whole platform as `npm start` assembles it, on a fresh database and data dir:
 * real PostgreSQL, real projections, the real HTTP stack.
 */
export interface PlatformUnderTest {
  readonly app: INestApplication;
  readonly runtime: PlatformRuntime;
  readonly db: TestDatabase;
  readonly http: ReturnType<INestApplication['getHttpServer']>;
  /** A bearer token from the local issuer for a directory user. */
  tokenFor(userId: string): Promise<string>;
  /** Stops the API and the runtime and starts them again on the same database and data dir. */
  restart(): Promise<PlatformUnderTest>;
  /** Stops the API and the runtime, keeping the database and the data dir (its keys). */
  stop(): Promise<void>;
  readonly dataDir: string;
  close(): Promise<void>;
}

/**
 * The day every suite runs on unless it fixes its own clock: fixtures carry fixed dates,
 * so a suite must never meet the day it happens to be run (ADR 009). Time still moves on
 * from there, so entries keep their order.
 */
export function suiteClock(startsAt = '2026-12-01T12:00:00Z'): () => Date {
  const origin = Date.parse(startsAt);
  const started = performance.now();
  return () => new Date(origin + (performance.now() - started));
}

/** `logTo`: capture the platform's JSON log lines (the runtime's and the API's) at LOG_LEVEL; absent: silent. */
export type PlatformOptions = OpenPlatformOptions & { readonly logTo?: { write(line: string): void } };

export async function startPlatform(
  label: string,
  env: Record<string, string> = {},
  options: PlatformOptions = {},
): Promise<PlatformUnderTest> {
  const db = await createTestDatabase(label);
  const dataDir = mkdtempSync(join(tmpdir(), `mast-${label}-`));
  return open(db, dataDir, env, { clock: suiteClock(), ...options });
}

/** The platform on a database and data dir that already exist: a restored database, the keys of the one it was backed up from. */
export async function startPlatformOn(
  db: TestDatabase,
  dataDir: string,
  env: Record<string, string> = {},
  options: PlatformOptions = {},
): Promise<PlatformUnderTest> {
  return open(db, dataDir, env, { clock: suiteClock(), ...options });
}

async function open(
  db: TestDatabase,
  dataDir: string,
  env: Record<string, string>,
  { logTo, ...options }: PlatformOptions,
): Promise<PlatformUnderTest> {
  // No broker unless the suite asks for one: a platform joined to the shared test broker
  // would consume other suites' inbound messages into its own event log.
  const config: PlatformConfig = loadConfig({
    ...process.env,
    DATABASE_URL: db.url,
    MIGRATION_DATABASE_URL: db.ownerUrl,
    DATA_DIR: dataDir,
    EVENTSTORE_URL: '',
    KAFKA_BROKERS: '',
    ...env,
  });
  const logger = logTo ? createPlatformLogger(config.logLevel, logTo) : false;
  const runtime = await openPlatform(config, {
    log: logger ? (line) => logger.info(line) : () => undefined,
    ...options,
  });
  await runtime.projections.start();
  // As `npm start` does: with KAFKA_BROKERS the relay and the inbound consumer run in the process.
  const integration = config.kafkaBrokers
    ? await IntegrationWorkers.start({
        pool: runtime.pool,
        eventStore: runtime.eventStore,
        brokers: config.kafkaBrokers,
        clientId: config.kafkaClientId,
        log: () => undefined,
        clock: runtime.clock,
      })
    : null;
  const app = await createApiApplication(runtime, { logger, integration });
  await app.init();
  const issuer = await LocalIssuer.open(dataDir);
  const stop = async () => {
    await app.close();
    await integration?.stop();
    await runtime.close();
  };
  return {
    app,
    runtime,
    db,
    http: app.getHttpServer(),
    dataDir,
    stop,
    tokenFor: (userId) => issuer.sign(userId),
    async restart() {
      await stop();
      return open(db, dataDir, env, { logTo, ...options });
    },
    async close() {
      await stop();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
