import { appConfig } from '@sumeru/eslint-config';

// The console is browser code: it never reads process.env (Vite would inline it) and never imports server code at run time.
export default [
  ...appConfig,
  { files: ['src/**/*.{ts,tsx}'], rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'browser code has no environment' }] } },
  { files: ['src/**/*.{ts,tsx}'], ignores: ['**/*.test.tsx', '**/*.test.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['../../api/*', '@sumeru/*'], allowTypeImports: true, message: 'the console imports server code for its types only' }] }] } },
];
