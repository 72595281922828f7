import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { Logger, runMigrations as installJobQueue } from 'graphile-worker';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

/**
 * Applies the checked-in migrations as the connecting (owner) user, then installs (or
 * upgrades) the job queue's own schema, which the enqueue triggers call into. An advisory
 * lock keeps replicas that start together from migrating twice.
 */
// graphile-worker logs each of its own migrations at info level; only problems matter here.
const quietLogger = new Logger((scope) => (level, message) => {
  if (level === 'error' || level === 'warning') process.stderr.write(`[job queue ${scope.label ?? ''}] ${message}\n`);
});

export const runMigrations = async (url: string): Promise<void> => {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(727274)`;
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
    await installJobQueue({ connectionString: url, logger: quietLogger });
    await client`select pg_advisory_unlock(727274)`;
  } finally {
    await client.end({ timeout: 5 });
  }
};
