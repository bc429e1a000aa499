// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'http', 'https', 'net', 'crypto', 'child_process', 'os', 'zlib', 'stream'];
const IO_PACKAGES = ['pg', 'pg-copy-streams', 'drizzle-orm', 'drizzle-orm/*', 'express', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'];

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.local/**', 'drizzle/**', '*.config.js', 'src/shopify/operations/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    // Workflows are deterministic orchestration: no I/O, no Node built-ins, activities by type only.
    files: ['src/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...NODE_BUILTINS, ...IO_PACKAGES], message: 'Workflows must not do I/O; call an activity.' },
            { group: ['**/db/**', '**/repositories/**', '**/shopify/client*', '**/api/**'], message: 'Workflows must not touch I/O modules.' },
            { group: ['**/activities', '**/activities/*', '!**/activities/types'], allowTypeImports: true, message: 'Import activities by type only (proxyActivities).' },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure: rules and decisions, no I/O.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...NODE_BUILTINS, ...IO_PACKAGES, '@temporalio/*', '**/db/**', '**/repositories/**'], message: 'src/domain is pure: no I/O.' }] },
      ],
    },
  },
  {
    // The edge Worker runs in workerd: Web APIs only, no Node built-ins, no server-side I/O packages.
    // The checkout Function runs in Shopify's Wasm sandbox: the same, and no Temporal either.
    files: ['src/edge/**/*.ts', 'extensions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...NODE_BUILTINS, ...IO_PACKAGES, '@temporalio/*', '**/db/**', '**/repositories/**'], message: 'runs outside Node: Web APIs and pure modules only.' }] },
      ],
    },
  },
  {
    // Entry points and scripts may print for humans.
    files: ['src/main.ts', 'src/**/main.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'sim/**/main.ts', 'test/setup/**/*.ts', 'test/helpers/workerProcess.ts', 'src/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
