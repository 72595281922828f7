import type { Config } from '@sumeru/config';
import type { JobRunnerOptions } from './runner';
import type { JobDeps } from './settings';

/** The runner's options as the environment sets them (README's configuration table). */
export const jobRunnerOptions = (config: Config, parts: Omit<JobDeps, 'delivery'> & { databaseUrl: string }): JobRunnerOptions => ({
  ...parts,
  concurrency: config.WORKER_CONCURRENCY,
  recoverySeconds: config.WORKER_RECOVERY_SECONDS,
  decisionRunsCron: config.DECISION_RUNS_CRON === 'off' ? null : config.DECISION_RUNS_CRON,
  delivery: {
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    retrySchedule: config.WEBHOOK_RETRY_SCHEDULE,
    disableAfterMs: config.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000,
    allowPrivateTargets: config.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
  },
});
