import { createPlatformLogger } from './platform-logger';

const capture = (level: Parameters<typeof createPlatformLogger>[0]) => {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createPlatformLogger(level, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
};

describe('the platform logger', () => {
  it.each([
    ['error', ['error']],
    ['warn', ['warn', 'error']],
    ['log', ['info', 'warn', 'error']],
    ['debug', ['debug', 'info', 'warn', 'error']],
  ] as const)('LOG_LEVEL=%s writes %j', (level, written) => {
    const { logger, lines } = capture(level);
    for (const method of ['debug', 'info', 'warn', 'error'] as const) logger[method](method);
    expect(lines.map((l) => l.msg)).toEqual(written);
  });

  it('withholds the Authorization header, bodies and SQL parameters', () => {
    const { logger, lines } = capture('log');
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJ.secret', accept: 'json' }, body: { givenName: 'Marigold' } },
        parameters: ['Marigold'],
        body: 'Marigold',
      },
      'x',
    );
    expect(JSON.stringify(lines)).not.toMatch(/Marigold|eyJ/);
    expect(lines[0]).toMatchObject({
      req: { headers: { authorization: '[withheld]', accept: 'json' }, body: '[withheld]' },
      parameters: '[withheld]',
    });
  });
});
