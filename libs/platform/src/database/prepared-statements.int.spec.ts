import { testServerUrl } from '@app/composition/testing';
import { createDataSource } from './data-source';
import { PREPARED } from './prepared-statements';

/** A marked statement is parsed once a connection and then run by name; any other is sent as it is. */
describe('prepared statements of the platform pool', () => {
  const dataSource = createDataSource({ url: testServerUrl(), schema: { migrations: [], entities: [] }, poolSize: 1 });

  beforeAll(() => dataSource.initialize());
  afterAll(() => dataSource.destroy());

  it('prepares a marked statement once and reuses it with other values', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      const twice = `${PREPARED}SELECT $1::int * 2 AS twice`;
      expect(await runner.query(twice, [4])).toEqual([{ twice: 8 }]);
      expect(await runner.query(twice, [21])).toEqual([{ twice: 42 }]);
      await runner.query('SELECT $1::int AS plain', [1]);
      const prepared = await runner.query(`SELECT statement FROM pg_prepared_statements`);
      expect(prepared).toEqual([{ statement: twice }]);
    } finally {
      await runner.release();
    }
  });

  it('keeps a failed statement failing with the server error, and the connection usable', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await expect(runner.query(`${PREPARED}SELECT 1 / $1::int AS q`, [0])).rejects.toThrow('division by zero');
      expect(await runner.query(`${PREPARED}SELECT 1 / $1::int AS q`, [1])).toEqual([{ q: 1 }]);
    } finally {
      await runner.release();
    }
  });
});
