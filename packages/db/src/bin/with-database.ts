/**
 * `pnpm test` entry: when DATABASE_URL is unset, starts one throw-away embedded PostgreSQL
 * for the whole run, exports its URL, runs the given command, and stops it afterwards.
 * With DATABASE_URL set (CI), the command runs against that server unchanged.
 */
import { spawn } from 'node:child_process';
import { startThrowawayPostgres } from '../embedded';

const run = (command: string[], env: NodeJS.ProcessEnv): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const main = async () => {
  const command = process.argv.slice(2);
  if (command.length === 0) throw new Error('usage: with-database <command> [args...]');
  if (process.env.DATABASE_URL) process.exit(await run(command, process.env));

  const pg = await startThrowawayPostgres();
  console.error(`DATABASE_URL is not set: started embedded PostgreSQL for this test run (${pg.dir})`);
  // Ctrl-C reaches turbo and its tests too; this side only has to stop PostgreSQL.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void pg.stop().finally(() => process.exit(130)));
  }
  let code = 1;
  try {
    code = await run(command, { ...process.env, DATABASE_URL: pg.adminUrl });
  } finally {
    await pg.stop();
  }
  process.exit(code);
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
