import { ConfigError, loadConfig, resolvePlatformSecret } from '@sumeru/config';
import { closeDatabase, createDatabase, runMigrations } from '@sumeru/db';
import { jobRunnerOptions, startJobRunner } from '@sumeru/jobs';
import { pino } from 'pino';

/**
 * `pnpm --filter @sumeru/worker start`: a standalone worker against DATABASE_URL. Run as many
 * as you like; they share the queue. In the embedded default the API runs the worker
 * in-process instead, so this needs a real DATABASE_URL.
 */
const main = async () => {
  const config = loadConfig(process.env);
  if (!config.DATABASE_URL) throw new ConfigError(['DATABASE_URL: the standalone worker needs it (the embedded `pnpm start` runs the worker in-process)']);
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'sumeru-worker' }, timestamp: pino.stdTimeFunctions.isoTime });
  await runMigrations(config.DATABASE_URL);
  const db = createDatabase({ url: config.DATABASE_URL, poolSize: config.WORKER_CONCURRENCY + 2 });
  // A database that goes away (restart, failover) can surface as a rejected promise inside the
  // queue library; the work itself is durable and recovered (sumeru_requeue_stalled), so that is
  // logged, not fatal. An uncaught exception leaves unknown state: log it and exit, and let the
  // supervisor (compose `restart`, Kubernetes) start a fresh worker; nothing queued is lost.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection (worker keeps running)'));
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception: exiting for a clean restart');
    process.exit(1);
  });
  const runner = await startJobRunner(jobRunnerOptions(config, { databaseUrl: config.DATABASE_URL, db, secret: resolvePlatformSecret(config), logger }));
  logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'Sumeru worker running');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: letting running jobs finish');
    await runner.stop();
    await closeDatabase(db);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
};

main().catch((err: unknown) => {
  process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `Sumeru worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
