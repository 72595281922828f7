import { closeDatabase, createDatabase, type Database } from '@sumeru/db';
import { ensureEmbeddedPostgres, type EmbeddedDatabase } from '@sumeru/db/embedded';
import type { Config } from '@sumeru/config';

export type Connection = { url: string; db: Database };

/**
 * Runs `fn` against the configured database: DATABASE_URL, or the embedded server (reused if
 * `pnpm start` already runs it, else started here). The pool is closed and a server started
 * here is stopped afterwards, also when `fn` fails, so the process can exit.
 */
export const withConnection = async <T>(config: Config, fn: (connection: Connection) => Promise<T>): Promise<T> => {
  let embedded: EmbeddedDatabase | null = null;
  if (config.embedded) embedded = await ensureEmbeddedPostgres({ dataDir: config.dataDir, port: config.EMBEDDED_PG_PORT });
  const url = embedded?.url ?? config.DATABASE_URL;
  if (!url) throw new Error('no database: set DATABASE_URL or leave it unset for the embedded one');
  const db = createDatabase({ url, poolSize: 4 });
  try {
    return await fn({ url, db });
  } finally {
    await closeDatabase(db).catch(() => {});
    await embedded?.stop();
  }
};

/** Host, port and database only: messages never carry the credentials of the URL. */
export const describeUrl = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
};
