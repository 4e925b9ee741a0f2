import { randomBytes, randomUUID } from 'node:crypto';
import { eventCatalogue } from '@app/domain';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { anEvent } from '../testing/event-store-contract';
import { ChildDataKeys, ChildRecordErasedError } from './child-data-keys';
import { ProtectedEventStore } from './protected-event-store';
import { isSealed, open } from './sealed-value';

describe('personal data: per-child keys and crypto-shredding', () => {
  let db: TestDatabase;
  let keys: ChildDataKeys;
  let store: ProtectedEventStore;

  const registration = (childId: string) =>
    anEvent({
      type: 'ChildRegistered',
      data: {
        childId,
        givenName: 'Amelia',
        familyName: 'Thornbury',
        dateOfBirth: '2014-03-09',
        upn: 'A123456789012',
        schoolId: 'school-oakfield',
        yearGroup: 7,
        flags: ['young-carer'],
      },
      metadata: {
        actor: { userId: 'u-senco', role: 'senco', agencyId: 'school-oakfield' },
        correlationId: randomUUID(),
        childId,
      },
    });

  const storedText = async (childId: string) => {
    const { rows } = await db.pool.query<{ text: string }>(
      `SELECT data::text AS text FROM event_store.events WHERE child_id = $1`,
      [childId],
    );
    return rows.map((r) => r.text).join('\n');
  };

  beforeAll(async () => {
    db = await createTestDatabase('shredding');
    keys = new ChildDataKeys(db.pool, randomBytes(32));
    store = new ProtectedEventStore(new PostgresEventStore({ pool: db.pool }), keys, eventCatalogue);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('stores personal fields sealed and reads them back in the clear', async () => {
    const childId = randomUUID();
    await store.append(`child-${childId}`, [registration(childId)], 'no-stream');

    const raw = await storedText(childId);
    expect(raw).not.toMatch(/Amelia|Thornbury|2014-03-09|A123456789012/);
    expect(raw).toContain('school-oakfield'); // not personal: stays queryable

    const [event] = await store.readStream(`child-${childId}`);
    expect(event.data).toMatchObject({
      givenName: 'Amelia',
      familyName: 'Thornbury',
      dateOfBirth: '2014-03-09',
      upn: 'A123456789012',
    });
    expect(event.erasedFields).toBeUndefined();
  });

  it('after the key is deleted the event still reads, its personal fields erased and unrecoverable', async () => {
    const childId = randomUUID();
    const other = randomUUID();
    await store.append(`child-${childId}`, [registration(childId)], 'no-stream');
    await store.append(`child-${other}`, [registration(other)], 'no-stream');
    const sealedBefore = (await new PostgresEventStore({ pool: db.pool }).readStream(`child-${childId}`))[0].data
      .givenName;
    expect(isSealed(sealedBefore)).toBe(true);

    expect(await keys.erase(childId)).toBe(true);
    expect(await keys.erase(childId)).toBe(false);

    const [event] = await store.readStream(`child-${childId}`);
    expect(event.type).toBe('ChildRegistered');
    expect(event.data).toMatchObject({
      childId,
      givenName: null,
      familyName: null,
      dateOfBirth: null,
      upn: null,
      schoolId: 'school-oakfield',
      yearGroup: 7,
    });
    expect([...(event.erasedFields ?? [])].sort()).toEqual(['dateOfBirth', 'familyName', 'givenName', 'upn']);

    // Nothing left to recover it with: no key row, no plaintext anywhere in the store, and no other key opens it.
    const { rows } = await db.pool.query(
      `SELECT wrapped_key, erased_at FROM event_store.child_data_keys WHERE child_id = $1`,
      [childId],
    );
    expect(rows[0].wrapped_key).toBeNull();
    expect(rows[0].erased_at).toBeInstanceOf(Date);
    expect(await storedText(childId)).not.toMatch(/Amelia|Thornbury/);
    const otherKey = (await keys.existingKeys([other])).get(other)!;
    expect(() => open(otherKey, sealedBefore as never, `${event.eventId}:givenName`)).toThrow();

    // Other children are untouched, also when read in the same batch.
    const all = await store.readAll({ after: null, limit: 100 });
    const otherEvent = all.find((e) => e.metadata.childId === other)!;
    expect(otherEvent.data.givenName).toBe('Amelia');
    expect(all.find((e) => e.metadata.childId === childId)!.erasedFields).toHaveLength(4);
  });

  it('refuses to write new personal data about an erased child', async () => {
    const childId = randomUUID();
    await store.append(`child-${childId}`, [registration(childId)], 'no-stream');
    await keys.erase(childId);
    await expect(store.append(`child-${childId}`, [registration(childId)], 'any')).rejects.toBeInstanceOf(
      ChildRecordErasedError,
    );
    expect(await store.readStream(`child-${childId}`)).toHaveLength(1);
  });

  it('a sealed value moved into another event does not open', async () => {
    const childId = randomUUID();
    const { events } = await store.append(
      `child-${childId}`,
      [registration(childId), registration(childId)],
      'no-stream',
    );
    const raw = await new PostgresEventStore({ pool: db.pool }).readStream(`child-${childId}`);
    const key = (await keys.existingKeys([childId])).get(childId)!;
    expect(() => open(key, raw[0].data.givenName as never, `${events[1].eventId}:givenName`)).toThrow();
  });
});
