// Shared lint rules. The import boundaries of docs/architecture.md are enforced here:
// packages never import apps, `domain` does no I/O, and only the config package reads process.env.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const apps = ['@sumeru/api', '@sumeru/api/*', '@sumeru/worker', '@sumeru/worker/*', '@sumeru/cli', '@sumeru/cli/*', '@sumeru/console', '@sumeru/console/*'];

const base = tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/test-results/**', '**/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  // Tests read untyped JSON responses; `any` there is the honest type.
  { files: ['**/*.test.ts', '**/test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);

/** For packages/*: no app imports, no direct env access. */
export const packageConfig = [
  ...base,
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: apps, message: 'packages never import apps' }] }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read configuration through @sumeru/config and pass it in' }],
    },
  },
  // Test harnesses and command-line entry points read the environment directly.
  { files: ['**/*.test.ts', '**/test/**', '**/bin/**', '**/bench/**', '**/testing.ts', '**/test-global-setup.ts'], rules: { 'no-restricted-properties': 'off', 'no-console': 'off' } },
];

/** For packages/domain: pure code, no I/O of any kind. */
export const pureConfig = [
  ...packageConfig,
  {
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: apps, message: 'packages never import apps' },
          { group: ['node:fs', 'node:net', 'node:http', 'node:child_process', 'fs', 'net', 'http', 'postgres', 'ioredis', 'express', 'drizzle-orm', 'drizzle-orm/*', '@sumeru/db', '@sumeru/db/*'], message: 'domain has no I/O' },
        ],
      }],
    },
  },
];

/** For apps/*: may read env only in their config entry point. */
export const appConfig = [
  ...base,
  {
    files: ['**/*.ts'],
    // The entry point (src/main.ts) is the one place that hands process.env to loadConfig.
    ignores: ['**/*.test.ts', 'test/**', 'bench/**', 'src/main.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read configuration through @sumeru/config' }],
    },
  },
  { files: ['**/*.test.ts', 'test/**', 'bench/**'], rules: { 'no-console': 'off' } },
];

export default base;
