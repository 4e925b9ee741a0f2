/**
 * Two projects: `unit` (pure domain, no I/O) and `integration` (real PostgreSQL and
 * Kafka, provisioned by scripts/test.mjs). Integration suites run in band because they
 * share one database and one broker.
 */
const moduleNameMapper = {
  '^@app/(domain|event-store|projections|access|integration|platform|composition)$': '<rootDir>/libs/$1/src',
  '^@app/(domain|event-store|projections|access|integration|platform|composition)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] };
const common = { rootDir: __dirname, moduleFileExtensions: ['ts', 'js', 'json'], moduleNameMapper, transform, testEnvironment: 'node' };

module.exports = {
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/domain/**/*.spec.ts', '<rootDir>/libs/**/*.unit.spec.ts', '<rootDir>/apps/**/*.unit.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/libs/**/*.int.spec.ts', '<rootDir>/apps/**/*.int.spec.ts', '<rootDir>/test/**/*.e2e.spec.ts'],
    },
  ],
};
