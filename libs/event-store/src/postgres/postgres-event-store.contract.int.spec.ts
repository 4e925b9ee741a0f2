import { createTestDatabase } from '@app/composition/testing';
import { describeEventStoreContract } from '../testing/event-store-contract';
import { PostgresEventStore } from './postgres-event-store';

describeEventStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase('es_contract');
  const store = new PostgresEventStore({ pool: db.pool, pollIntervalMs: 100 });
  return {
    store,
    async close() {
      await store.close();
      await db.drop();
    },
  };
});
