import { ConfigError, loadConfig } from './config';

const refusal = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
};

describe('configuration is validated at start-up, naming the bad variable', () => {
  it('starts with sensible defaults: embedded PostgreSQL, no Kafka, local keys', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      kafkaBrokers: undefined,
      inProcessWorkers: true,
      projectionSegments: 1,
      projectionMaxLagEvents: 1000,
      tokenMaxLifetimeSeconds: 28800,
    });
    expect(config.rateLimit).toEqual({ windowSeconds: 60, perAddress: 6000, perUser: 3000 });
    expect(config.dataDir).toMatch(/var$/);
  });

  it('web pages (ADR 018): 30-minute sessions, a plain cookie only in the embedded default, an OIDC client only with an issuer', () => {
    expect(loadConfig({}).web).toEqual({
      sessionIdleSeconds: 1800,
      secureCookies: false,
      oidcClient: undefined,
      pdfBrowserPath: '/usr/bin/chromium',
    });
    const oidc = { OIDC_ISSUER: 'https://id.example.org', OIDC_AUDIENCE: 'mast' };
    expect(loadConfig({ ...oidc, OIDC_CLIENT_ID: 'mast-pages', PORT: '8080' }).web).toEqual({
      sessionIdleSeconds: 1800,
      secureCookies: true,
      oidcClient: {
        clientId: 'mast-pages',
        clientSecret: undefined,
        redirectUrl: 'http://127.0.0.1:8080/app/sign-in/callback',
      },
      pdfBrowserPath: '/usr/bin/chromium',
    });
    expect(refusal({ PDF_BROWSER_PATH: 'chromium' }).message).toBe(
      'Configuration error: PDF_BROWSER_PATH must be an absolute path, got "chromium"',
    );
    expect(refusal({ WEB_SESSION_IDLE_MINUTES: '1' }).message).toBe(
      'Configuration error: WEB_SESSION_IDLE_MINUTES must be between 2 and 480, got 1',
    );
    expect(refusal({ OIDC_CLIENT_ID: 'mast-pages' }).variable).toBe('OIDC_CLIENT_ID');
    expect(refusal({ ...oidc, WEB_COOKIE_SECURE: 'false' }).variable).toBe('WEB_COOKIE_SECURE');
  });

  it('takes the owner beside the app role, and anchors the access log every 15 minutes by default', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://mast_app:y@db:5432/mast',
      MIGRATION_DATABASE_URL: 'postgres://mast_owner:x@db:5432/mast',
    });
    expect(config).toMatchObject({
      migrationDatabaseUrl: 'postgres://mast_owner:x@db:5432/mast',
      auditAnchorIntervalSeconds: 900,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', 'must be a whole number'],
    [{ PORT: '70000' }, 'PORT', 'between 1 and 65535'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL', 'must use postgres: or postgresql:'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL', 'not a valid URL'],
    [{ KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS', 'host:port'],
    [{ DATA_KEY_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }, 'DATA_KEY_ENCRYPTION_KEY', '32 bytes'],
    [{ PSEUDONYM_KEY: 'c2hvcnQ=' }, 'PSEUDONYM_KEY', 'at least 32 bytes'],
    [
      { DATA_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'), DATA_KEY_ENCRYPTION_KEY_PREVIOUS: 'c2hvcnQ=' },
      'DATA_KEY_ENCRYPTION_KEY_PREVIOUS',
      '32 bytes',
    ],
    [
      { DATA_KEY_ENCRYPTION_KEY_PREVIOUS: Buffer.alloc(32, 1).toString('base64') },
      'DATA_KEY_ENCRYPTION_KEY_PREVIOUS',
      'needs DATA_KEY_ENCRYPTION_KEY',
    ],
    [
      {
        DATA_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
        DATA_KEY_ENCRYPTION_KEY_PREVIOUS: Buffer.alloc(32, 1).toString('base64'),
      },
      'DATA_KEY_ENCRYPTION_KEY_PREVIOUS',
      'the same key',
    ],
    [
      { PSEUDONYM_KEY_PREVIOUS: Buffer.alloc(32, 1).toString('base64') },
      'PSEUDONYM_KEY_PREVIOUS',
      'needs PSEUDONYM_KEY',
    ],
    [{ PG_BIN_DIR: '/nonexistent' }, 'PG_BIN_DIR', 'pg_dump and pg_restore'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT', 'must use http: or https:'],
    [{ OIDC_ISSUER: 'https://login.example.gov.uk' }, 'OIDC_AUDIENCE', 'required when OIDC_ISSUER is set'],
    [{ IN_PROCESS_WORKERS: 'yes' }, 'IN_PROCESS_WORKERS', 'one of true, false'],
    [{ PROJECTION_SEGMENTS: '0' }, 'PROJECTION_SEGMENTS', 'between 1 and 64'],
    [{ PROJECTION_SEGMENTS: 'two', IN_PROCESS_WORKERS: 'false' }, 'PROJECTION_SEGMENTS', 'must be a whole number'],
    [{ PROJECTION_SEGMENTS: '2' }, 'PROJECTION_SEGMENTS', 'needs IN_PROCESS_WORKERS=false'],
    [
      { EVENTSTORE_URL: 'kurrentdb://admin:changeit@localhost:2113?tls=false' },
      'EVENTSTORE_URL',
      'must use esdb: or esdb+discover:, got kurrentdb:',
    ],
    [{ TOKEN_MAX_LIFETIME_SECONDS: '90000' }, 'TOKEN_MAX_LIFETIME_SECONDS', 'between 60 and 86400'],
    [{ TOKEN_MAX_LIFETIME_SECONDS: '8h' }, 'TOKEN_MAX_LIFETIME_SECONDS', 'must be a whole number'],
    [{ MAST_PANEL_WEEKDAY: '6' }, 'MAST_PANEL_WEEKDAY', 'between 1 and 5'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL', 'one of error, warn, log, debug'],
    [{ RATE_LIMIT_PER_ADDRESS: '0' }, 'RATE_LIMIT_PER_ADDRESS', 'between 1 and'],
    [{ RATE_LIMIT_PER_USER: 'lots' }, 'RATE_LIMIT_PER_USER', 'must be a whole number'],
    [{ RATE_LIMIT_WINDOW_SECONDS: '7200' }, 'RATE_LIMIT_WINDOW_SECONDS', 'between 1 and 3600'],
    [{ TRUST_PROXY_HOPS: 'true' }, 'TRUST_PROXY_HOPS', 'must be a whole number'],
    [{ MIGRATION_DATABASE_URL: 'postgres://owner:x@db/mast' }, 'MIGRATION_DATABASE_URL', 'needs DATABASE_URL'],
    [
      { MIGRATION_DATABASE_URL: 'postgres://owner:x@db/other', DATABASE_URL: 'postgres://app:y@db/mast' },
      'MIGRATION_DATABASE_URL',
      'same server and database',
    ],
    [
      { MIGRATION_DATABASE_URL: 'postgres://app:x@db/mast', DATABASE_URL: 'postgres://app:y@db/mast' },
      'MIGRATION_DATABASE_URL',
      'another user',
    ],
    [
      { MIGRATION_DATABASE_URL: 'mysql://owner:x@db/mast', DATABASE_URL: 'postgres://app:y@db/mast' },
      'MIGRATION_DATABASE_URL',
      'must use postgres:',
    ],
    [{ AUDIT_ANCHOR_INTERVAL_SECONDS: '0' }, 'AUDIT_ANCHOR_INTERVAL_SECONDS', 'between 1 and 86400'],
  ])('refuses %j naming %s', (env, variable, problem) => {
    const error = refusal(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toContain(problem);
  });
});
