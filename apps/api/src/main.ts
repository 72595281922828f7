import { ConfigError, loadConfig, resolvePlatformSecret } from '@sumeru/config';
import { runMigrations } from '@sumeru/db';
import { ensureEmbeddedPostgres } from '@sumeru/db/embedded';
import { jobRunnerOptions, startJobRunner } from '@sumeru/jobs';
import { createApp } from './app';
import { closeDeps, createDeps } from './bootstrap';
import { ensureDemo, printWelcome } from './embedded-demo';
import { createLogger } from './logger';
import { partitionKeeperFor } from './public/events/partitions';

/**
 * `pnpm start`. With no DATABASE_URL it runs the embedded default: its own PostgreSQL under
 * .data/, migrated, with a demo agency on first start. With DATABASE_URL it migrates that
 * database and serves it (production seeds nothing). The worker runs in this process in the
 * embedded default (WORKER_IN_PROCESS overrides); in production it runs as apps/worker.
 */
const main = async () => {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const embedded = config.embedded
    ? await ensureEmbeddedPostgres({ dataDir: config.dataDir, port: config.EMBEDDED_PG_PORT, onLog: (line) => logger.debug({ pg: line }) })
    : null;
  const databaseUrl = embedded?.url ?? config.DATABASE_URL!;
  await runMigrations(databaseUrl);
  const secret = resolvePlatformSecret(config);
  const deps = createDeps(config, { databaseUrl, secret, logger });
  // Pixel events land in monthly partitions: make sure this month's and the next ones exist.
  await partitionKeeperFor(deps.db).ensure();
  const demo = embedded ? await ensureDemo(deps.db, config.dataDir, secret) : null;
  const worker = (config.WORKER_IN_PROCESS ?? config.embedded)
    ? await startJobRunner({
      ...jobRunnerOptions(config, { databaseUrl, db: deps.db, secret, logger: logger.child({ service: 'sumeru-worker' }) }),
      onDeliveryAttempt: deps.metrics.recordDelivery,
    })
    : null;

  const server = createApp(deps).listen(config.PORT, config.HOST, () => {
    deps.usage.start();
    const url = `http://localhost:${config.PORT}`;
    logger.info({ url, database: embedded ? 'embedded' : 'external', rate_limiter: deps.limiter.backend, worker: worker ? 'in-process' : 'separate' }, 'Sumeru API listening');
    if (demo) printWelcome(url, demo);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests, writing usage');
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await drained;
    await worker?.stop();
    await closeDeps(deps);
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
};

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`Sumeru failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
