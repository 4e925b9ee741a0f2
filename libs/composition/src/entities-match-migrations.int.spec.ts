import { createTestDatabase, type TestDatabase } from './testing/test-database';

/**
 * The read-model entities repeat their tables' columns; migrations are what builds the
 * tables. TypeORM's schema builder compares the two: after every migration has run it
 * must find nothing to change, or an entity and its migration have drifted apart.
 */
describe('read-model entities and their migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('entities_match');
  });
  afterAll(async () => database.drop());

  it('describe the same tables, columns, types, defaults and indexes', async () => {
    const pending = await database.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
