import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@app/composition/testing';
import { outboxedStore, toAppend } from '../testing/outboxed-store';
import { sampleDomainEvents } from '../testing/recorded-event';
import { pseudonymousChildId } from './pseudonym';

/** ADR 021: while PSEUDONYM_KEY rotates, messages are keyed by the new reference and name the old one, so recipients can re-key. */
describe('rotating the pseudonym key', () => {
  let db: TestDatabase;
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const rowOf = async (ref: string) =>
    (
      await db.pool.query<{ key: string; headers: Record<string, string>; payload: { childRef: string } }>(
        'SELECT key, headers, payload FROM integration.outbox WHERE key = $1',
        [ref],
      )
    ).rows;

  beforeAll(async () => {
    db = await createTestDatabase('pseudonym_rotation');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('keys messages by the new reference and carries the previous one until the rotation ends', async () => {
    const rotating = outboxedStore(db.pool, { pseudonymKey: newKey, previousPseudonymKey: oldKey });
    const childId = randomUUID();
    await rotating.store.append(
      `consent-${childId}`,
      [toAppend('ConsentWithdrawn', sampleDomainEvents.ConsentWithdrawn(childId))],
      'no-stream',
    );
    const [row] = await rowOf(pseudonymousChildId(newKey, childId));
    expect(row.payload.childRef).toBe(pseudonymousChildId(newKey, childId));
    expect(row.headers['previous-child-ref']).toBe(pseudonymousChildId(oldKey, childId));
    expect(await rowOf(pseudonymousChildId(oldKey, childId))).toHaveLength(0);
    await rotating.store.close();

    const after = outboxedStore(db.pool, { pseudonymKey: newKey });
    const other = randomUUID();
    await after.store.append(
      `consent-${other}`,
      [toAppend('ConsentWithdrawn', sampleDomainEvents.ConsentWithdrawn(other))],
      'no-stream',
    );
    const [plain] = await rowOf(pseudonymousChildId(newKey, other));
    expect(plain.headers).not.toHaveProperty('previous-child-ref');
    await after.store.close();
  });
});
