import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019';
import { load } from 'js-yaml';
import { loadConfig } from '@app/platform';

/**
 * docker-compose.yml and deploy/ checked without a Docker engine: against the Compose
 * specification's JSON schema (shipped by Debian's docker-compose package), by
 * `docker-compose config` (interpolation, merges), by the platform's own start-up validation
 * of each process's environment, and against deploy/README.md, which must name every
 * variable, port and service a newcomer meets.
 */
const SCHEMA = process.env.COMPOSE_SPEC_SCHEMA ?? '/usr/lib/python3/dist-packages/compose/config/compose_spec.json';
const available = existsSync(SCHEMA) && spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
if (!available && process.env.CI === 'true')
  throw new Error(
    'CI needs docker-compose (apt-get install --no-install-recommends docker-compose): it checks the stack',
  );
const describeStack = available ? describe : describe.skip;

interface Service {
  environment?: Record<string, string | number | null>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  command?: string[];
  healthcheck?: unknown;
}
interface Compose {
  services: Record<string, Service>;
}

const PLATFORM = ['api', 'projector', 'relay'];
const read = (path: string) => readFileSync(path, 'utf8');
const readme = read('deploy/README.md');
const exampleVariables = read('deploy/example.env')
  .split('\n')
  .filter((l) => /^[A-Z_]+=/.test(l))
  .map((l) => l.split('=')[0]);

/** The example env filled in as the README says: hex passwords, base64 keys, rotation keys and options empty. */
const filledEnv = (): Record<string, string> =>
  Object.fromEntries(
    exampleVariables.map((name) => [
      name,
      name.endsWith('_PREVIOUS')
        ? ''
        : name.endsWith('PASSWORD')
          ? randomBytes(24).toString('hex')
          : name.endsWith('KEY')
            ? randomBytes(32).toString('base64')
            : '',
    ]),
  );

/** `docker-compose config`: the file as Compose resolves it (interpolated, anchors merged), with only `env` in the environment. */
const resolved = (env: Record<string, string>) => {
  const run = spawnSync('docker-compose', ['-f', 'docker-compose.yml', '--project-directory', '.', 'config'], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return {
    status: run.status,
    compose: run.status === 0 ? (load(run.stdout) as Compose) : undefined,
    stderr: run.stderr,
  };
};

/** Drops the documentary `id`s and `$schema` of the schema's older draft header, which Ajv reads as identifiers. */
const schemaOf = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(schemaOf);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => !(k === '$schema' || (k === 'id' && typeof v === 'string')))
      .map(([k, v]) => [k, schemaOf(v)]),
  );
};

describeStack('the stack as deployed (docker-compose.yml, deploy/)', () => {
  const validate = new Ajv2019({
    strict: false,
    allErrors: true,
    formats: { duration: /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/, ports: true, expose: true, subnet_ip_address: true },
  }).compile(schemaOf(JSON.parse(read(SCHEMA))) as object);
  const raw = load(read('docker-compose.yml')) as Compose;
  const env = filledEnv();
  const { status, compose, stderr } = resolved(env);

  it('follows the Compose specification, as written and as resolved', () => {
    expect(validate(raw) ? [] : validate.errors).toEqual([]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    // The check can fail: a misspelt key is refused.
    expect(validate({ ...raw, services: { ...raw.services, api: { ...raw.services.api, helthcheck: {} } } })).toBe(
      false,
    );
  });

  it('refuses to start with a secret of deploy/example.env left empty, naming it', () => {
    for (const secret of [
      'POSTGRES_PASSWORD',
      'MAST_OWNER_PASSWORD',
      'MAST_APP_PASSWORD',
      'DATA_KEY_ENCRYPTION_KEY',
      'PSEUDONYM_KEY',
    ]) {
      const missing = resolved({ ...env, [secret]: '' });
      expect(missing.status).not.toBe(0);
      expect(missing.stderr).toContain(`set ${secret} in .env`);
    }
  });

  it('gives every process an environment the platform accepts at start-up, as the app role with the owner migrating (ADR 012)', () => {
    const imageEnv = Object.fromEntries(
      [...read('deploy/Dockerfile').matchAll(/^ENV (.*)$/gm)].flatMap((m) =>
        [...m[1].matchAll(/(\w+)=(\S+)/g)].map((kv) => [kv[1], kv[2]]),
      ),
    );
    for (const name of PLATFORM) {
      const environment = Object.fromEntries(
        Object.entries(compose!.services[name].environment ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]),
      );
      const config = loadConfig({
        ...imageEnv,
        ...environment,
        BANK_HOLIDAYS_FILE: 'deploy/calendars/england-and-wales.json',
      });
      expect(new URL(config.databaseUrl!).username).toBe('mast_app');
      expect(new URL(config.migrationDatabaseUrl!).username).toBe('mast_owner');
      expect(config.kafkaBrokers).toEqual(['kafka:9092']);
      expect(config.inProcessWorkers).toBe(false);
      expect(config.host).toBe('0.0.0.0');
    }
  });

  it('creates on a fresh volume the roles and the database the URLs name', () => {
    const script = read('deploy/postgres/10-mast-roles.sh');
    expect(raw.services.postgres.volumes).toContain(
      './deploy/postgres/10-mast-roles.sh:/docker-entrypoint-initdb.d/10-mast-roles.sh:ro',
    );
    expect(script).toMatch(/CREATE ROLE mast_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE/);
    expect(script).toMatch(/CREATE ROLE mast_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE/);
    expect(script).toMatch(/CREATE DATABASE mast OWNER mast_owner/);
    execFileSync('bash', ['-n', 'deploy/postgres/10-mast-roles.sh']);
  });

  it('starts in order: PostgreSQL and Kafka healthy, then the API (it migrates), then the projector and the relay', () => {
    const services = compose!.services;
    expect(services.api.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      kafka: { condition: 'service_healthy' },
    });
    expect(services.projector.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    expect(services.relay.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    for (const name of ['postgres', 'kafka', 'api']) expect(services[name].healthcheck).toBeDefined();
  });

  it('is walked through in deploy/README.md: every variable, port and service', () => {
    const variables = new Set([
      ...exampleVariables,
      ...PLATFORM.flatMap((s) => Object.keys(raw.services[s].environment ?? {})),
    ]);
    const unnamed = [...variables].filter((v) => !readme.includes(`\`${v}\``));
    expect(unnamed).toEqual([]);
    const ports = [
      ...Object.values(raw.services).flatMap((s) => s.ports ?? []),
      ...[...read('deploy/Dockerfile').matchAll(/^EXPOSE (\d+)/gm)].map((m) => m[1]),
      '5432',
      '9092',
      '9093',
    ];
    expect(ports.filter((p) => !readme.includes(String(p)))).toEqual([]);
    expect(Object.keys(raw.services).filter((s) => !readme.includes(`\`${s}\``))).toEqual([]);
    for (const role of ['mast_owner', 'mast_app']) expect(readme).toContain(role);
  });
});
