import request from 'supertest';
import { bearerFor } from '../support/api-client';
import { startPlatform, type PlatformUnderTest } from '../support/platform-under-test';

/**
 * Junk never gets a 500. Every operation in the OpenAPI document gets
 * malformed path parameters, query parameters and bodies, from a fixed seed so a failure
 * replays; afterwards every projection is caught up and the access log still verifies.
 * Bounded (about 1,500 requests) so it runs in CI.
 */
type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  $ref?: string;
  oneOf?: Schema[];
  items?: Schema;
  format?: string;
  enum?: unknown[];
};
type Operation = {
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header' }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** mulberry32: small, fast, and the same sequence on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] };
}

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Values for a path or query parameter, as they go on the wire (already percent-encoded where they must be). */
const JUNK_PARAMETERS = [
  '%00',
  'a%00b',
  '99999999999999999999',
  '-1',
  '1e400',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'prototype',
  '%ED%A0%80',
  '%E0%A4%A',
  '%25',
  '..%2F..%2Fetc',
  'x'.repeat(2_000),
  '%20',
  'null',
  'undefined',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30',
  '9999-99-99',
  'true',
  '[]',
  '%7B%7D',
  'NaN',
  '0x10',
];

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

/** Field values no DTO should take whole: each replaces one field of an otherwise plausible body. */
const JUNK_VALUES: unknown[] = [
  null,
  '',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  1e20,
  2 ** 64,
  -1,
  1.5,
  true,
  [],
  {},
  [null],
  { $where: '1' },
  'x'.repeat(30_000),
  '9999-99-99',
  '2026-02-30',
  ['\u0000'],
  { a: { b: { c: '\ud800' } } },
];

/** Whole bodies sent as raw JSON text, since some cannot be built as objects (a __proto__ key, depth past the stack). */
const JUNK_BODIES = [
  '{"__proto__":{"polluted":true}}',
  '{"$where":"1"}',
  '{"constructor":{"prototype":{"x":1}}}',
  nested(1_000),
  nested(10_000),
  '[1,2,3]',
  'null',
  '"text"',
  '12',
  '{',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":1e400}',
  '{"a":99999999999999999999}',
  '',
];

/** Step names the routes know, so junk also reaches the DTO of each step and not only the 404. */
const STEPS = [
  'profile',
  'triage',
  'assessment',
  'sessions',
  'closure',
  'review',
  'mentor-reports',
  'contributions',
  'tac-meetings',
  'lead-professional',
  'basis',
  'decision',
  'disclosures',
  'first-contact',
  'breaches',
  'attendance',
  'minutes',
  'agenda',
  'decisions',
  'conflicts',
];

const USERS = [
  'senco.oakfield',
  'dsl.oakfield',
  'mentor.oakfield',
  'mast.coordinator',
  'social.worker',
  'dpo',
  'admin',
  'lead.professional',
];

describe('fuzzing every operation of the OpenAPI document', () => {
  let platform: PlatformUnderTest;
  let tokens: Record<string, string>;
  let childId: string;

  beforeAll(async () => {
    platform = await startPlatform('fuzz', { RATE_LIMIT_PER_USER: '100000', RATE_LIMIT_PER_ADDRESS: '100000' });
    tokens = Object.fromEntries(
      await Promise.all(USERS.map(async (user) => [user, await bearerFor(platform, user)] as const)),
    );
    const child = await request(platform.http)
      .post('/children')
      .set('Authorization', tokens['senco.oakfield'])
      .send({
        givenName: 'Fuzz',
        familyName: 'Target',
        dateOfBirth: '2015-01-20',
        schoolId: 'school-oakfield',
        yearGroup: 5,
        flags: [],
      })
      .expect(201);
    childId = child.body.childId;
  });
  afterAll(async () => {
    await platform.close();
  });

  it('answers no junk with a 5xx, and leaves projections healthy and the access log intact', async () => {
    const document: OpenApi = (await request(platform.http).get('/docs-json').expect(200)).body;
    const random = seeded(20261201);
    const resolve = (schema: Schema | undefined): Schema | undefined => {
      if (!schema) return undefined;
      if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop() as string]);
      if (schema.oneOf) return resolve(random.pick(schema.oneOf));
      return schema;
    };
    const plausible = (schema: Schema | undefined): unknown => {
      switch (schema?.type) {
        case 'string':
          return schema.enum
            ? random.pick(schema.enum)
            : schema.format === 'date'
              ? '2026-11-02'
              : random.pick(['school-oakfield', childId, 'text']);
        case 'number':
        case 'integer':
          return 2;
        case 'boolean':
          return true;
        case 'array':
          return [];
        default:
          return Object.fromEntries(
            Object.entries(schema?.properties ?? {}).map(([name, inner]) => [name, plausible(resolve(inner))]),
          );
      }
    };

    const fivexx: string[] = [];
    let sent = 0;
    const send = async (method: string, path: string, query: string, body: string | undefined) => {
      const target = `${path}${query ? `?${query}` : ''}`;
      const call = request(platform.http)[method as 'get'](target).set('Authorization', tokens[random.pick(USERS)]);
      const response = await (body === undefined ? call : call.set('Content-Type', 'application/json').send(body));
      sent += 1;
      if (response.status >= 500)
        fivexx.push(
          `${method.toUpperCase()} ${target.slice(0, 200)} ${body?.slice(0, 120) ?? ''} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
        );
    };

    for (const [template, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const parameters = operation.parameters ?? [];
        const queryNames = parameters.filter((p) => p.in === 'query').map((p) => p.name);
        const fill = (junkAt?: string) =>
          template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
            if (name === junkAt) return random.pick(JUNK_PARAMETERS);
            if (name === 'step') return random.pick(STEPS);
            if (name === 'childId') return childId;
            if (/date/i.test(name)) return '2026-12-07';
            return random.pick([childId, 'school-oakfield', 'dpo', '3f1d6c0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f']);
          });
        const bodySchema = resolve(operation.requestBody?.content?.['application/json']?.schema);
        const validBody = operation.requestBody ? plausible(bodySchema) : undefined;
        const plain = validBody === undefined ? undefined : JSON.stringify(validBody);

        // Each path parameter in turn, then every query parameter (documented or not), given junk.
        for (const name of parameters.filter((p) => p.in === 'path').map((p) => p.name)) {
          for (let i = 0; i < 6; i += 1) await send(method, fill(name), '', plain);
          // A step is looked up in a table: the names every object has must not reach the policy as functions.
          if (name === 'step')
            for (const inherited of PROTOTYPE_NAMES) await send(method, fill().replace(/[^/]+$/, inherited), '', plain);
        }
        for (const name of queryNames) {
          for (const junk of JUNK_PARAMETERS) await send(method, fill(), `${name}=${junk}`, plain);
        }
        for (const name of ['before', 'limit', '__proto__[x]', 'a[b][c][d][e][f][g]'])
          await send(method, fill(), `${name}=${random.pick(JUNK_PARAMETERS)}`, plain);
        if (!operation.requestBody) continue;
        // Every junk body, then each field of a plausible body replaced by junk, then an unknown field.
        for (const junk of JUNK_BODIES) await send(method, fill(), '', junk);
        for (const field of Object.keys(bodySchema?.properties ?? {})) {
          for (let i = 0; i < 2; i += 1)
            await send(
              method,
              fill(),
              '',
              JSON.stringify({ ...(validBody as object), [field]: random.pick(JUNK_VALUES) }),
            );
        }
        await send(method, fill(), '', JSON.stringify({ ...(validBody as object), $where: 'sleep(1)' }));
      }
    }

    // Bounded: about 20 to 60 requests per operation, so the run grows with the API but never runs away.
    const operationCount = Object.values(document.paths).reduce(
      (n, operations) => n + Object.keys(operations).length,
      0,
    );
    expect(sent).toBeGreaterThan(operationCount * 10);
    expect(sent).toBeLessThan(operationCount * 60);
    expect(fivexx).toEqual([]);
    const ready = await request(platform.http).get('/health/ready');
    expect({ status: ready.status, body: ready.body }).toMatchObject({ status: 200 });
    const verify = await request(platform.http).get('/audit/verify').set('Authorization', tokens.dpo).expect(200);
    expect(verify.body).toMatchObject({ intact: true });
  }, 120_000);
});
