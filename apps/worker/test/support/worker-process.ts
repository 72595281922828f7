import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLATFORM_SECRET } from './fixtures';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The standalone worker (apps/worker/src/main.ts) as one OS process (node with tsx's loader, no wrapper). */
export const startWorkerProcess = (databaseUrl: string, env: Record<string, string> = {}): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: appDir,
    env: {
      PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: databaseUrl, SUMERU_SECRET: PLATFORM_SECRET, LOG_LEVEL: 'fatal',
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_TIMEOUT_MS: '2000', WEBHOOK_RETRY_SCHEDULE: '1', WORKER_RECOVERY_SECONDS: '1', WORKER_CONCURRENCY: '2',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

/** What compose's `restart:` or Kubernetes does: start the worker again whenever it exits, until stopped. */
export const superviseWorker = (databaseUrl: string, env: Record<string, string> = {}) => {
  let stopped = false;
  let current: ChildProcess;
  let restarts = 0;
  const start = () => {
    current = startWorkerProcess(databaseUrl, env);
    current.once('exit', () => {
      if (stopped) return;
      restarts += 1;
      setTimeout(start, 500);
    });
  };
  start();
  return {
    restarts: () => restarts,
    stop: async () => {
      stopped = true;
      if (current.exitCode !== null || current.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        current.once('exit', () => resolve());
        current.kill('SIGTERM');
      });
    },
  };
};
