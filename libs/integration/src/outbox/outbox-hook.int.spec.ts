import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { outboxedStore, toAppend } from '../testing/outboxed-store';
import { sampleDomainEvents } from '../testing/recorded-event';
import { pseudonymousChildId } from './pseudonym';

interface Row {
  event_id: string;
  integration_type: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  payload: Record<string, unknown>;
  failed_at: Date | null;
  published_at: Date | null;
  last_error: string | null;
}

describe('transactional outbox (append hook)', () => {
  let db: TestDatabase;
  let setup: ReturnType<typeof outboxedStore>;
  const rowsOf = async (childId: string, pseudonymKey = setup.pseudonymKey) =>
    (
      await db.pool.query<Row>('SELECT * FROM integration.outbox WHERE key = $1 ORDER BY id', [
        pseudonymousChildId(pseudonymKey, childId),
      ])
    ).rows;

  beforeAll(async () => {
    db = await createTestDatabase('outbox_hook');
    setup = outboxedStore(db.pool);
  });
  afterAll(async () => {
    await setup.store.close();
    await db.drop();
  });

  it('writes one row per mapped event, keyed by the pseudonymous child id, with the message headers', async () => {
    const childId = randomUUID();
    const withdrawn = toAppend('ConsentWithdrawn', sampleDomainEvents.ConsentWithdrawn(childId));
    await setup.store.append(`consent-${childId}`, [withdrawn], 'no-stream');

    const [row, ...more] = await rowsOf(childId);
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({
      event_id: withdrawn.eventId,
      integration_type: 'consent-withdrawn',
      topic: 'consent-withdrawn.v1',
      key: pseudonymousChildId(setup.pseudonymKey, childId),
      headers: {
        'event-id': withdrawn.eventId,
        'event-type': 'consent-withdrawn',
        'schema-version': '1',
        'correlation-id': withdrawn.metadata.correlationId,
        'source-event-type': 'ConsentWithdrawn',
      },
      published_at: null,
      failed_at: null,
    });
    expect(row.payload).toMatchObject({
      consentId: 'consent-1',
      withdrawnBy: { kind: 'parent-carer', relationship: 'mother' },
    });
    expect(JSON.stringify(row.payload)).not.toContain('Sara Khan');
  });

  it("builds a disclosure from its sealed event: the allowed categories' field names, never a value (ADR 016)", async () => {
    const childId = randomUUID();
    await setup.store.append(
      `disclosure-${childId}`,
      [toAppend('DisclosureMade', sampleDomainEvents.DisclosureMade(childId))],
      'no-stream',
    );
    const stored = await db.pool.query<{ text: string }>(
      `SELECT data::text AS text FROM event_store.events WHERE child_id = $1`,
      [childId],
    );
    expect(stored.rows[0].text).not.toContain('Asthma'); // sealed in the log
    const [row] = await rowsOf(childId);
    expect(row.headers['recipient-agency']).toBe('health');
    expect(row.topic).toBe('disclosure-to-agency.v2');
    expect(row.payload.fields).toEqual({ attendance: ['percent'], health: ['summary'] });
    expect(JSON.stringify(row.payload)).not.toMatch(/Asthma|"percent":82/);
  });

  it('writes nothing for events that cause no integration event', async () => {
    const childId = randomUUID();
    await setup.store.append(`other-${childId}`, [toAppend('SomethingInternal', { childId })], 'no-stream');
    expect(await rowsOf(childId)).toEqual([]);
  });

  it('commits with the events or not at all', async () => {
    const failing = outboxedStore(db.pool, {
      pseudonymKey: setup.pseudonymKey,
      extraHooks: [
        async () => {
          throw new Error('a later hook fails');
        },
      ],
    });
    const childId = randomUUID();
    await expect(
      failing.store.append(
        `consent-${childId}`,
        [toAppend('ConsentWithdrawn', sampleDomainEvents.ConsentWithdrawn(childId))],
        'no-stream',
      ),
    ).rejects.toThrow('a later hook fails');
    expect(await rowsOf(childId)).toEqual([]);
    expect(await setup.store.readStream(`consent-${childId}`)).toEqual([]);
  });

  it('records a payload that breaks its contract as failed, with the reason, without failing the command', async () => {
    const childId = randomUUID();
    // A fit event (the catalogue lets it be stored) whose message the contract refuses: ids there are at most 200 characters.
    const broken = { ...sampleDomainEvents.ConsentWithdrawn(childId), consentId: 'c'.repeat(201) };
    await setup.store.append(`consent-${childId}`, [toAppend('ConsentWithdrawn', broken)], 'no-stream');
    const [row] = await rowsOf(childId);
    expect(row.failed_at).toBeInstanceOf(Date);
    expect(row.last_error).toContain('consentId');
  });

  it('a re-sent append adds no second row', async () => {
    const childId = randomUUID();
    const event = toAppend('MastRequestMade', sampleDomainEvents.MastRequestMade(childId));
    await setup.store.append(`mast-request-${childId}`, [event], 'no-stream');
    await setup.store.append(`mast-request-${childId}`, [event], 'no-stream');
    expect(await rowsOf(childId)).toHaveLength(1);
  });
});
