import { QueryLog } from './query-log';

describe('a failed query in the log', () => {
  it('names the statement, the SQLSTATE and where, and withholds the values and the server message quoting them', () => {
    const lines: string[] = [];
    const failure = Object.assign(new Error('invalid input syntax for type integer: "Marigold"'), {
      code: '22P02',
      table: 'child_records',
      column: 'year_group',
      detail: 'Failing row contains (Marigold)',
    });
    new QueryLog((line) => lines.push(line)).logQueryError(
      failure,
      'UPDATE read_models.child_records\n   SET year_group = $2 WHERE child_id = $1',
      ['c-1', 'Marigold'],
    );
    expect(lines).toEqual([
      'query failed (SQLSTATE 22P02 at child_records year_group): UPDATE read_models.child_records SET year_group = $2 WHERE child_id = $1 [2 parameters withheld]',
    ]);
  });
});
