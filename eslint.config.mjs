import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Libraries from the bottom up (ADR 029): each imports only those before it, and only through their public face.
const LAYERS = ['domain', 'platform', 'event-store', 'access', 'projections', 'integration', 'composition'];
const TESTS = ['**/*.spec.ts', '**/testing/**', 'test/**', 'bench/**'];
const deepImports = {
  group: ['@app/*/*', '!@app/*/testing'],
  message: "import a library through its public face: '@app/<library>' or '@app/<library>/testing'",
};
const testingFaces = { group: ['@app/*/testing'], message: 'production code does not import test fixtures' };
const pureDomain = {
  group: ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', '@eventstore/*', 'node:fs', 'fs', 'node:http', 'http', 'node:net'],
  message: 'libs/domain is pure: no Nest, database, network or file I/O',
};
const higherThan = (library) => {
  const higher = LAYERS.slice(LAYERS.indexOf(library) + 1);
  return higher.length
    ? [
        {
          group: higher.map((name) => `@app/${name}`),
          message: `libs/${library} imports only libraries below it: ${LAYERS.join(' < ')}`,
        },
      ]
    : [];
};
const restricted = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

function importRules() {
  return [
    { files: ['**/*.ts'], rules: restricted(deepImports) },
    { files: ['apps/**/*.ts'], ignores: TESTS, rules: restricted(deepImports, testingFaces) },
    ...LAYERS.map((library) => ({
      files: [`libs/${library}/**/*.ts`],
      ignores: TESTS,
      rules: restricted(
        deepImports,
        testingFaces,
        ...higherThan(library),
        ...(library === 'domain' ? [pureDomain] : []),
      ),
    })),
    // Tests of a library may open the whole platform's test database (libs/composition/testing), but the domain's stay pure.
    {
      files: ['libs/domain/**/*.spec.ts', 'libs/domain/**/testing/**'],
      rules: restricted(deepImports, pureDomain, {
        group: LAYERS.slice(1).map((n) => `@app/${n}*`),
        message: 'libs/domain depends on nothing else in the platform',
      }),
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'var/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  ...importRules(),
);
