import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { steps } from '@app/domain/testing';
import { backUpDatabase } from '@app/platform';
import { requireDataKeysOpen } from '@app/composition';
import { DatabaseNotEmpty, restoreDatabase } from '@app/platform';
import { loadConfig } from '@app/platform';
import { openPlatform } from '@app/composition';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { rebuildProjections } from '@app/projections';
import { apiAs, stepBody } from '../support/api-client';
import { parentalConsent } from '../support/consent-fixtures';
import { startPlatform, startPlatformOn, type PlatformUnderTest } from '../support/platform-under-test';

const binDir = process.env.PG_BIN_DIR;

/** Every row of every read model, in a stable order; of the checkpoints, the global position (the commit id is the server's own). */
async function readModels(pool: Pool): Promise<Record<string, unknown[]>> {
  const { rows: tables } = await pool.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'read_models' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const all: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const columns = name === 'projection_checkpoints' ? 'name, position' : '*';
    const { rows } = await pool.query(`SELECT ${columns} FROM read_models.${name}`);
    all[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return all;
}

/** The records the backup exists for: the log (less its server-local commit ids), the wrapped keys, the access log and its anchors. */
async function records(pool: Pool): Promise<Record<string, unknown[]>> {
  const query = async (sql: string) => (await pool.query(sql)).rows;
  return {
    events: await query(
      `SELECT global_position, stream_id, revision, event_id, type, schema_version, data, metadata, occurred_at FROM event_store.events ORDER BY global_position`,
    ),
    dataKeys: await query(
      `SELECT child_id, encode(wrapped_key, 'hex') AS wrapped, erased_at FROM event_store.child_data_keys ORDER BY child_id`,
    ),
    accessLog: await query(`SELECT seq, hash, previous_hash FROM access.access_log ORDER BY seq`),
    anchors: await query(`SELECT anchor_id, seq, hash, signature FROM access.access_log_anchors ORDER BY seq`),
    outbox: await query(`SELECT id, topic, published_at FROM integration.outbox ORDER BY id`),
  };
}

/** The drill: seed through the API, back up, wipe, restore into an empty database, rebuild, compare. */
describe('a backup restores into an empty database', () => {
  let original: PlatformUnderTest;
  let wiped = false;
  let restored: PlatformUnderTest | undefined;
  let target: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'mast-backup-'));
  const file = join(dir, 'mast.backup');
  const kek = Buffer.alloc(32, 7).toString('base64');
  const env = { DATA_KEY_ENCRYPTION_KEY: kek };

  beforeAll(async () => {
    if (!binDir) throw new Error('PG_BIN_DIR is not set: scripts/test.mjs sets it from scripts/pg-client.sh');
    original = await startPlatform('backup_drill', env);
  });
  afterAll(async () => {
    if (!wiped) await original?.close();
    if (restored) await restored.close();
    else await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives back every read model, the access log and its anchors, and a chain that verifies', async () => {
    const senco = await apiAs(original, 'senco.oakfield');
    const children: string[] = [];
    for (const [givenName, yearGroup] of [
      ['Amelia', 6],
      ['Kai', 4],
      ['Noor', 2],
    ] as const) {
      const created = await senco
        .post('/children')
        .send({
          givenName,
          familyName: 'Thornbury',
          dateOfBirth: '2016-03-09',
          schoolId: 'school-oakfield',
          yearGroup,
          flags: ['young-carer'],
        })
        .expect(201);
      children.push(created.body.childId);
    }
    await senco.post(`/children/${children[0]}/consents`).send(parentalConsent).expect(201);
    await (
      await apiAs(original, 'mentor.oakfield')
    )
      .post('/referrals')
      .send(stepBody(steps.refer, { childId: children[0] }))
      .expect(201);
    await senco.get(`/children/${children[1]}`).expect(200);
    await (await apiAs(original, 'admin')).post('/audit/anchors').expect(201);
    const verifiedBefore = (await (await apiAs(original, 'dpo')).get('/audit/verify').expect(200)).body;
    expect(verifiedBefore.intact).toBe(true);

    await backUpDatabase({ ownerUrl: original.db.ownerUrl, file, binDir });
    expect(statSync(file).size).toBeGreaterThan(0);
    const modelsBefore = await readModels(original.db.pool);
    const recordsBefore = await records(original.db.pool);
    expect(Object.values(modelsBefore).every((rows) => rows !== undefined)).toBe(true);
    expect(modelsBefore.child_records).toHaveLength(3);

    // Wipe: the database and its roles are gone; the data dir's keys (the secrets, kept apart) stay.
    await original.stop();
    await original.db.drop();
    wiped = true;

    target = await createTestDatabase('backup_drill_restored', { migrated: false });
    await restoreDatabase({ ownerUrl: target.ownerUrl, file, binDir });
    // As `npm run restore` goes on: open the platform (grants), check the key, rebuild every read model.
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: target.url,
      MIGRATION_DATABASE_URL: target.ownerUrl,
      DATA_DIR: original.dataDir,
      EVENTSTORE_URL: '',
      KAFKA_BROKERS: '',
      ...env,
    });
    const runtime = await openPlatform(config, { log: () => undefined });
    await requireDataKeysOpen(runtime.pool, runtime.dataKeys);
    await rebuildProjections(runtime.projections, runtime.dataSource);
    await runtime.close();

    restored = await startPlatformOn(target, original.dataDir, env);
    expect(await readModels(target.pool)).toEqual(modelsBefore);
    const recordsAfter = await records(target.pool);
    expect(recordsAfter).toEqual(recordsBefore);
    const verifiedAfter = (await (await apiAs(restored, 'dpo')).get('/audit/verify').expect(200)).body;
    // The verify read before the backup logged itself after answering: one entry more, the same anchors, intact.
    expect(verifiedAfter).toMatchObject({
      intact: true,
      anchorsChecked: verifiedBefore.anchorsChecked,
      anchor: verifiedBefore.anchor,
    });
    expect(verifiedAfter.entriesChecked).toBe(recordsBefore.accessLog.length);

    // What is written after the restore follows the restored log, on this server's commit ids.
    const { rows: commits } = await target.pool.query(
      `SELECT count(DISTINCT transaction_id)::int AS n FROM event_store.events`,
    );
    expect(commits[0].n).toBe(1);
    const restoredSenco = await apiAs(restored, 'senco.oakfield');
    const later = await restoredSenco
      .post('/children')
      .send({
        givenName: 'Later',
        familyName: 'Thornbury',
        dateOfBirth: '2016-03-09',
        schoolId: 'school-oakfield',
        yearGroup: 3,
        flags: [],
      })
      .expect(201);
    const read = await restoredSenco.get(`/children/${later.body.childId}`).expect(200);
    expect(read.body.givenName).toBe('Later');
    const pupil = await restoredSenco.get(`/children/${children[0]}`).expect(200);
    expect(pupil.body.givenName).toBe('Amelia');
  });

  it('refuses to restore over a database that is not empty', async () => {
    await expect(restoreDatabase({ ownerUrl: target.ownerUrl, file, binDir })).rejects.toBeInstanceOf(DatabaseNotEmpty);
  });

  it('refuses to go on with another key-encryption key than the one that wrapped the data keys', async () => {
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: target.url,
      MIGRATION_DATABASE_URL: target.ownerUrl,
      DATA_DIR: original.dataDir,
      EVENTSTORE_URL: '',
      KAFKA_BROKERS: '',
      DATA_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    });
    const runtime = await openPlatform(config, { log: () => undefined });
    try {
      await expect(requireDataKeysOpen(runtime.pool, runtime.dataKeys)).rejects.toThrow(/DATA_KEY_ENCRYPTION_KEY/);
    } finally {
      await runtime.close();
    }
  });
});
