// Shared vitest settings. Every package writes a JSON report to test-results/ so CI can sum
// passed and failed tests over the whole run; packages whose tests need PostgreSQL get the
// global setup that starts an embedded one when DATABASE_URL is unset.
import { fileURLToPath } from 'node:url';

const databaseSetup = fileURLToPath(new URL('../db/src/test-global-setup.ts', import.meta.url));

/** @param {{ database?: boolean }} options */
export const sumeruVitestConfig = ({ database = false } = {}) => ({
  test: {
    ...(database ? { globalSetup: [databaseSetup] } : {}),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: './test-results/vitest.json' },
  },
});
