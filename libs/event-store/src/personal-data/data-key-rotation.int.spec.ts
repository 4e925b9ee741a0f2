import { randomBytes, randomUUID } from 'node:crypto';
import { eventCatalogue } from '@app/domain';
import { ConfigError } from '@app/platform';
import { refuseRetiredKeys } from '@app/composition';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { anEvent } from '../testing/event-store-contract';
import { ChildDataKeys } from './child-data-keys';
import { RotationUnfinished, retirePreviousKey, rewrapDataKeys } from './data-key-rotation';
import { KeyEncryptionKeys, UnknownWrappingKey } from './key-encryption-keys';
import { ProtectedEventStore } from './protected-event-store';

/** ADR 021: DATA_KEY_ENCRYPTION_KEY rotates while processes read and write, and no event changes. */
describe('rotating the key-encryption key', () => {
  let db: TestDatabase;
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const storeWith = (keys: KeyEncryptionKeys) =>
    new ProtectedEventStore(
      new PostgresEventStore({ pool: db.pool }),
      new ChildDataKeys(db.pool, keys),
      eventCatalogue,
    );
  const registration = (childId: string, givenName: string) =>
    anEvent({
      type: 'ChildRegistered',
      data: {
        childId,
        givenName,
        familyName: 'Thornbury',
        dateOfBirth: '2014-03-09',
        upn: 'A123456789012',
        schoolId: 'school-oakfield',
        yearGroup: 7,
        flags: [],
      },
      metadata: {
        actor: { userId: 'u-senco', role: 'senco', agencyId: 'school-oakfield' },
        correlationId: randomUUID(),
        childId,
      },
    });
  const events = async () =>
    (
      await db.pool.query(
        `SELECT global_position, event_id, data::text, metadata::text FROM event_store.events ORDER BY global_position`,
      )
    ).rows;
  const givenNameOf = async (store: ProtectedEventStore, childId: string) =>
    (await store.readStream(`child-${childId}`))[0].data.givenName as string;

  beforeAll(async () => {
    db = await createTestDatabase('kek_rotation');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('re-wraps every data key while readers go on, accepts both keys until done, then refuses the old one', async () => {
    const before = storeWith(KeyEncryptionKeys.of(oldKey));
    const children = Array.from({ length: 25 }, (_, i) => ({ childId: randomUUID(), givenName: `Child${i}` }));
    for (const { childId, givenName } of children)
      await before.append(`child-${childId}`, [registration(childId, givenName)], 'no-stream');
    // One key from before keys had ids: wrapped by the key in use then.
    await db.pool.query(`UPDATE event_store.child_data_keys SET wrapping_key_id = NULL WHERE child_id = $1`, [
      children[0].childId,
    ]);

    // Every process restarts with the new key and the old one as previous; one not restarted yet still writes with the old key.
    const rotating = KeyEncryptionKeys.of(newKey, oldKey);
    const during = storeWith(rotating);
    const added = randomUUID();
    await during.append(`child-${added}`, [registration(added, 'Added')], 'no-stream');
    const late = randomUUID();
    await before.append(`child-${late}`, [registration(late, 'Late')], 'no-stream');
    await expect(retirePreviousKey(db.pool, rotating)).rejects.toBeInstanceOf(RotationUnfinished);
    const logBefore = await events();

    let rotated = false;
    const reads: string[] = [];
    const reader = (async () => {
      while (!rotated) for (const { childId } of children.slice(0, 5)) reads.push(await givenNameOf(during, childId));
    })();
    const count = await rewrapDataKeys(db.pool, rotating, { batchSize: 4 });
    rotated = true;
    await reader;
    expect(count).toBe(children.length + 1); // every old-key row, the one without an id included; the new child's was already current
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((name) => /^Child[0-4]$/.test(name))).toBe(true);

    expect(await events()).toEqual(logBefore); // no event rewritten
    const { rows } = await db.pool.query(
      `SELECT DISTINCT wrapping_key_id FROM event_store.child_data_keys WHERE wrapped_key IS NOT NULL`,
    );
    expect(rows).toEqual([{ wrapping_key_id: rotating.current.id }]);
    for (const { childId, givenName } of children) expect(await givenNameOf(during, childId)).toBe(givenName);
    expect(await givenNameOf(storeWith(KeyEncryptionKeys.of(newKey)), late)).toBe('Late');

    await retirePreviousKey(db.pool, rotating);
    // The old key opens nothing now and may wrap nothing more, whoever holds it.
    const stale = new ChildDataKeys(db.pool, KeyEncryptionKeys.of(oldKey));
    await expect(stale.existingKeys([children[1].childId])).rejects.toBeInstanceOf(UnknownWrappingKey);
    await expect(stale.keyFor(randomUUID())).rejects.toThrow(/retired or unnamed key-encryption key/);
    await expect(refuseRetiredKeys(db.pool, KeyEncryptionKeys.of(oldKey))).rejects.toThrow(
      new ConfigError(
        'DATA_KEY_ENCRYPTION_KEY',
        'is a key-encryption key a rotation has retired: set it to the key the rotation moved to',
      ),
    );
    await expect(refuseRetiredKeys(db.pool, rotating)).rejects.toThrow(/DATA_KEY_ENCRYPTION_KEY_PREVIOUS was retired/);
    await expect(refuseRetiredKeys(db.pool, KeyEncryptionKeys.of(newKey))).resolves.toBeUndefined();
  });
});
