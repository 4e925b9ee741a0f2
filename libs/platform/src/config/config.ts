import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Every setting the platform reads from the environment, validated once at start-up.
 * A bad or missing value stops the start with a message naming the variable.
 */
export interface PlatformConfig {
  readonly port: number;
  /** Interface the API binds: loopback by default; 0.0.0.0 inside a container. */
  readonly host: string;
  /** Absent: an embedded PostgreSQL under `dataDir` is started. */
  readonly databaseUrl?: string;
  /** The schema owner's URL for migrations (ADR 012); absent: DATABASE_URL migrates too. Needs DATABASE_URL, same server and database, another user. */
  readonly migrationDatabaseUrl?: string;
  readonly dataDir: string;
  readonly embeddedPostgresPort: number;
  readonly eventStoreUrl?: string;
  readonly kafkaBrokers?: readonly string[];
  /** Base64 32-byte key that wraps the per-child data keys; absent in embedded mode: kept under dataDir. */
  readonly dataKeyEncryptionKey?: Buffer;
  /** During a rotation (ADR 021): the key being replaced, still opening the data keys not yet re-wrapped. */
  readonly dataKeyEncryptionKeyPrevious?: Buffer;
  /** Readiness fails when a projection is further behind the log than this. */
  readonly projectionMaxLagEvents: number;
  /** Milliseconds a transaction may sit idle before PostgreSQL ends it (a long-open transaction stalls consumers). */
  readonly idleInTransactionTimeoutMs: number;
  /** Run projections and the relay inside the API process (single-process mode). */
  readonly inProcessWorkers: boolean;
  /** Segments each per-child projection is cut into, shared by the apps/projector processes (ADR 027); 1: whole, as one process runs it. */
  readonly projectionSegments: number;
  readonly logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** Set: tokens are verified against this OIDC issuer's JWKS. Absent: the local issuer under dataDir. */
  readonly oidc?: { readonly issuer: string; readonly audience: string; readonly jwksUrl: string };
  /** The longest a bearer token may live (exp - iat), from any issuer; a longer one, or one without iat or exp, is refused. */
  readonly tokenMaxLifetimeSeconds: number;
  /** Keys the pseudonymous child id on integration messages; absent in embedded mode: kept under dataDir. */
  readonly pseudonymKey?: Buffer;
  /** During a rotation (ADR 021): the pseudonym key being replaced; messages also carry the child's reference under it. */
  readonly pseudonymKeyPrevious?: Buffer;
  readonly kafkaClientId: string;
  readonly mastPanel: {
    /** 1 = Monday … 5 = Friday. */
    readonly weekday: number;
    /** A request joins a panel's agenda when received at least this many working days before it. */
    readonly agendaCutoffWorkingDays: number;
    readonly quorumMembers: number;
    readonly quorumAgencies: number;
  };
  /** JSON file of bank holidays (ISO dates); absent: the England and Wales calendar shipped in deploy/calendars. */
  readonly bankHolidaysFile: string;
  /** JSON file of every school's term dates and closure days (ADR 014); absent: the example shipped in deploy/calendars. */
  readonly schoolCalendarsFile: string;
  /** JSON file of retention periods per record class; absent: the IRMS-based schedule shipped in deploy/retention. */
  readonly retentionScheduleFile: string;
  /** Requests allowed per window, counted per client address (before authentication) and per user (after). */
  readonly rateLimit: { readonly windowSeconds: number; readonly perAddress: number; readonly perUser: number };
  /** Proxies in front of the API whose X-Forwarded-For is believed: the client address the budgets and the security log use. */
  readonly trustProxyHops: number;
  /** How often the head of the access-log chain is signed and published (ADR 013). */
  readonly auditAnchorIntervalSeconds: number;
  /** Where pg_dump and pg_restore are for `npm run backup` / `restore` (PG_BIN_DIR); absent: PATH. */
  readonly postgresClientDir?: string;
  /** Set: spans go over OTLP/HTTP to this collector (OTEL_EXPORTER_OTLP_ENDPOINT, ADR 022); absent: tracing is off. */
  readonly tracing?: { readonly endpoint: string; readonly serviceName?: string };
  /** The web pages (ADR 018): server-side sessions and, with OIDC, the authorisation-code client. */
  readonly web: WebConfig;
}

export interface WebConfig {
  /** A session ends after this long without a request (WCAG 2.2.1: warned before, extended by any page). */
  readonly sessionIdleSeconds: number;
  /** The session cookie is `Secure`: always outside the embedded default (served over plain http on loopback). */
  readonly secureCookies: boolean;
  /** The pages' OIDC client; absent with OIDC_ISSUER set: the pages cannot sign anyone in (the API still takes tokens). */
  readonly oidcClient?: { readonly clientId: string; readonly clientSecret?: string; readonly redirectUrl: string };
  /** The Chromium that prints the subject-access report to PDF (Debian's by default). */
  readonly pdfBrowserPath: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const integer = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
};

const url = (env: Env, name: string, protocols: readonly string[], why = ''): string | undefined => {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}${why}`);
  }
  return raw;
};

const brokers = (env: Env): string[] | undefined => {
  const raw = env.KAFKA_BROKERS;
  if (raw === undefined || raw.trim() === '') return undefined;
  const list = raw.split(',').map((b) => b.trim());
  for (const broker of list) {
    if (!/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/.test(broker)) {
      throw new ConfigError('KAFKA_BROKERS', `must be a comma-separated list of host:port, got "${broker}"`);
    }
  }
  return list;
};

const encryptionKey = (env: Env, name = 'DATA_KEY_ENCRYPTION_KEY'): Buffer | undefined => {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new ConfigError(name, 'must be 32 bytes, base64-encoded');
  return key;
};

/** The key a rotation replaces (ADR 021): it needs the new key beside it, and must not be that key. */
const previousKey = (
  env: Env,
  name: string,
  current: string,
  read: (env: Env, name: string) => Buffer | undefined,
): Buffer | undefined => {
  const previous = read(env, name);
  if (!previous) return undefined;
  const now = read(env, current);
  if (!now)
    throw new ConfigError(
      name,
      `needs ${current} (the new key) beside it: a rotation moves from ${name} to ${current}`,
    );
  if (now.equals(previous))
    throw new ConfigError(name, `is the same key as ${current}: set it to the key being replaced, or unset it`);
  return previous;
};

const secret = (env: Env, name: string): Buffer | undefined => {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const key = Buffer.from(raw, 'base64');
  if (key.length < 32) throw new ConfigError(name, 'must be at least 32 bytes, base64-encoded');
  return key;
};

const oidc = (env: Env): PlatformConfig['oidc'] => {
  const issuer = url(env, 'OIDC_ISSUER', ['https:', 'http:']);
  if (!issuer) return undefined;
  const audience = env.OIDC_AUDIENCE;
  if (!audience) throw new ConfigError('OIDC_AUDIENCE', 'is required when OIDC_ISSUER is set');
  const jwksUrl =
    url(env, 'OIDC_JWKS_URL', ['https:', 'http:']) ?? `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`;
  return { issuer, audience, jwksUrl };
};

const oneOf = <T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
};

const flag = (env: Env, name: string, fallback: boolean): boolean =>
  oneOf(env, name, ['true', 'false'] as const, fallback ? 'true' : 'false') === 'true';

/** The owner's URL must reach the app role's database as another user: otherwise the split protects nothing. */
const migrationUrl = (env: Env): string | undefined => {
  const owner = url(env, 'MIGRATION_DATABASE_URL', ['postgres:', 'postgresql:']);
  if (!owner) return undefined;
  const app = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  if (!app) throw new ConfigError('MIGRATION_DATABASE_URL', 'needs DATABASE_URL (the app role) beside it');
  const [o, a] = [new URL(owner), new URL(app)];
  if (o.host !== a.host || o.pathname !== a.pathname)
    throw new ConfigError(
      'MIGRATION_DATABASE_URL',
      `must name the same server and database as DATABASE_URL (${a.host}${a.pathname})`,
    );
  if (o.username === a.username)
    throw new ConfigError(
      'MIGRATION_DATABASE_URL',
      "must log in as the schema owner, another user than DATABASE_URL's app role",
    );
  return owner;
};

/** A directory that holds both client programs the backup and the restore run. */
const clientDir = (env: Env): string | undefined => {
  const raw = env.PG_BIN_DIR;
  if (raw === undefined || raw === '') return undefined;
  const dir = resolve(raw);
  for (const tool of ['pg_dump', 'pg_restore']) {
    if (!existsSync(join(dir, tool)))
      throw new ConfigError(
        'PG_BIN_DIR',
        `must be a directory holding pg_dump and pg_restore; ${join(dir, tool)} does not exist`,
      );
  }
  return dir;
};

/** The exporter reads OTEL_EXPORTER_OTLP_* itself; the endpoint is checked here so a typo stops the start, not the first export. */
const tracingOf = (env: Env): PlatformConfig['tracing'] => {
  const endpoint = url(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']);
  if (!endpoint) return undefined;
  return {
    endpoint,
    serviceName: env.OTEL_SERVICE_NAME && env.OTEL_SERVICE_NAME !== '' ? env.OTEL_SERVICE_NAME : undefined,
  };
};

const absolutePath = (env: Env, name: string, fallback: string): string => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!raw.startsWith('/')) throw new ConfigError(name, `must be an absolute path, got "${raw}"`);
  return raw;
};

const web = (env: Env, port: number): WebConfig => {
  const issuer = env.OIDC_ISSUER !== undefined && env.OIDC_ISSUER !== '';
  const clientId = env.OIDC_CLIENT_ID && env.OIDC_CLIENT_ID !== '' ? env.OIDC_CLIENT_ID : undefined;
  if (clientId && !issuer) throw new ConfigError('OIDC_CLIENT_ID', 'needs OIDC_ISSUER beside it');
  const secureCookies = flag(env, 'WEB_COOKIE_SECURE', issuer);
  if (issuer && !secureCookies)
    throw new ConfigError(
      'WEB_COOKIE_SECURE',
      'must be true with OIDC_ISSUER: outside the embedded default the session cookie is Secure',
    );
  const redirectUrl =
    url(env, 'OIDC_REDIRECT_URL', ['https:', 'http:']) ?? `http://127.0.0.1:${port}/app/sign-in/callback`;
  const clientSecret = env.OIDC_CLIENT_SECRET && env.OIDC_CLIENT_SECRET !== '' ? env.OIDC_CLIENT_SECRET : undefined;
  return {
    sessionIdleSeconds: integer(env, 'WEB_SESSION_IDLE_MINUTES', 30, 2, 480) * 60,
    secureCookies,
    oidcClient: clientId ? { clientId, clientSecret, redirectUrl } : undefined,
    pdfBrowserPath: absolutePath(env, 'PDF_BROWSER_PATH', '/usr/bin/chromium'),
  };
};

/** Segments are for several projector processes: the API's own projections run whole, in one process. */
const segments = (env: Env): number => {
  const count = integer(env, 'PROJECTION_SEGMENTS', 1, 1, 64);
  if (count > 1 && flag(env, 'IN_PROCESS_WORKERS', true)) {
    throw new ConfigError(
      'PROJECTION_SEGMENTS',
      `is ${count}: segments are shared by apps/projector processes, so it needs IN_PROCESS_WORKERS=false`,
    );
  }
  return count;
};

export function loadConfig(env: Env = process.env): PlatformConfig {
  const port = integer(env, 'PORT', 3000, 1, 65535);
  return {
    port,
    host: env.HOST && env.HOST !== '' ? env.HOST : '127.0.0.1',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    migrationDatabaseUrl: migrationUrl(env),
    dataDir: resolve(env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : 'var'),
    embeddedPostgresPort: integer(env, 'EMBEDDED_POSTGRES_PORT', 54329, 1, 65535),
    // @eventstore/db-client parses only esdb connection strings; a kurrentdb:// URL would fail at the first append.
    eventStoreUrl: url(
      env,
      'EVENTSTORE_URL',
      ['esdb:', 'esdb+discover:'],
      ' (@eventstore/db-client reads only esdb connection strings: write kurrentdb://… as esdb://…)',
    ),
    kafkaBrokers: brokers(env),
    dataKeyEncryptionKey: encryptionKey(env),
    dataKeyEncryptionKeyPrevious: previousKey(
      env,
      'DATA_KEY_ENCRYPTION_KEY_PREVIOUS',
      'DATA_KEY_ENCRYPTION_KEY',
      encryptionKey,
    ),
    projectionMaxLagEvents: integer(env, 'PROJECTION_MAX_LAG_EVENTS', 1000, 0, 100_000_000),
    idleInTransactionTimeoutMs: integer(env, 'IDLE_IN_TRANSACTION_TIMEOUT_MS', 30_000, 1000, 3_600_000),
    inProcessWorkers: flag(env, 'IN_PROCESS_WORKERS', true),
    projectionSegments: segments(env),
    logLevel: oneOf(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log'),
    oidc: oidc(env),
    tokenMaxLifetimeSeconds: integer(env, 'TOKEN_MAX_LIFETIME_SECONDS', 8 * 3600, 60, 24 * 3600),
    pseudonymKey: secret(env, 'PSEUDONYM_KEY'),
    pseudonymKeyPrevious: previousKey(env, 'PSEUDONYM_KEY_PREVIOUS', 'PSEUDONYM_KEY', secret),
    kafkaClientId: env.KAFKA_CLIENT_ID && env.KAFKA_CLIENT_ID !== '' ? env.KAFKA_CLIENT_ID : 'mast-platform',
    mastPanel: {
      weekday: integer(env, 'MAST_PANEL_WEEKDAY', 3, 1, 5),
      agendaCutoffWorkingDays: integer(env, 'MAST_AGENDA_CUTOFF_WORKING_DAYS', 2, 0, 20),
      quorumMembers: integer(env, 'MAST_QUORUM_MEMBERS', 3, 1, 50),
      quorumAgencies: integer(env, 'MAST_QUORUM_AGENCIES', 2, 1, 20),
    },
    bankHolidaysFile: resolve(
      env.BANK_HOLIDAYS_FILE && env.BANK_HOLIDAYS_FILE !== ''
        ? env.BANK_HOLIDAYS_FILE
        : 'deploy/calendars/england-and-wales.json',
    ),
    schoolCalendarsFile: resolve(
      env.SCHOOL_CALENDARS_FILE && env.SCHOOL_CALENDARS_FILE !== ''
        ? env.SCHOOL_CALENDARS_FILE
        : 'deploy/calendars/school-terms.json',
    ),
    retentionScheduleFile: resolve(
      env.RETENTION_SCHEDULE_FILE && env.RETENTION_SCHEDULE_FILE !== ''
        ? env.RETENTION_SCHEDULE_FILE
        : 'deploy/retention/irms-schools-toolkit.json',
    ),
    // Generous defaults: a school's whole staff behind one address, and scripted test suites, stay under them.
    rateLimit: {
      windowSeconds: integer(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 3600),
      perAddress: integer(env, 'RATE_LIMIT_PER_ADDRESS', 6000, 1, 10_000_000),
      perUser: integer(env, 'RATE_LIMIT_PER_USER', 3000, 1, 10_000_000),
    },
    trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    auditAnchorIntervalSeconds: integer(env, 'AUDIT_ANCHOR_INTERVAL_SECONDS', 900, 1, 86_400),
    postgresClientDir: clientDir(env),
    tracing: tracingOf(env),
    web: web(env, port),
  };
}
