import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'var/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': 'off',
    },
  },
  {
    // The domain is pure: no framework, no database, no I/O.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', '@eventstore/*', 'node:fs', 'fs', 'node:http', 'http', 'node:net'], message: 'libs/domain is pure: no Nest, database, network or file I/O' },
            { group: ['@app/event-store*', '@app/projections*', '@app/access*', '@app/integration*', '@app/platform*'], message: 'libs/domain depends on nothing else in the platform' },
          ],
        },
      ],
    },
  },
);
