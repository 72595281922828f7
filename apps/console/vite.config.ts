import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { sumeruVitestConfig } from '@sumeru/vitest-config';

const base = sumeruVitestConfig({ database: true });

// In development Vite serves the console and forwards the API's paths to it, so the browser
// sees one origin (the session cookie and the Origin check work as in production).
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/trpc', '/api', '/v1', '/openapi', '/developers', '/healthz', '/readyz'].map((p) => [p, { target: apiTarget, changeOrigin: false }])),
  },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 600 },
  test: {
    ...base.test,
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
