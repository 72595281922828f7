import { sql } from 'drizzle-orm';
import { Logger as QueueLogger, run, type LogFunctionFactory, type Runner, type TaskList } from 'graphile-worker';
import pg from 'pg';
import { z } from 'zod';
import { deliverWebhook } from './delivery/deliver';
import { dispatchEvent } from './delivery/dispatch';
import { processInbound } from './inbound/process';
import { activeShops, runScheduledDecisionRun } from './decision-runs/schedule';
import type { JobDeps } from './settings';

export type JobRunnerOptions = JobDeps & {
  /** The owner connection the queue itself uses (graphile-worker runs its own small pool). */
  databaseUrl: string;
  concurrency: number;
  /** Work whose job was lost (its worker was killed) is queued again after this long. */
  recoverySeconds: number;
  /** How often the queue is polled when no notification arrives (LISTEN/NOTIFY wakes it otherwise). */
  pollIntervalMs?: number;
  /** Cron schedule (UTC) of every shop's decision run, e.g. `0 3 * * *`; null: no scheduled runs. */
  decisionRunsCron?: string | null;
};

export type JobRunner = { stop: () => Promise<void>; requeueStalled: () => Promise<number> };

const ZDispatch = z.object({ shop_id: z.string(), event_id: z.string() });
const ZDeliver = z.object({ shop_id: z.string(), delivery_id: z.string() });
const ZInbound = z.object({ shop_id: z.string(), inbound_id: z.string() });
const ZTenant = z.object({ shop_id: z.string(), agency_id: z.string() });

/** graphile-worker's log lines, through the application's pino logger. */
const queueLogger = (deps: JobDeps) => {
  const factory: LogFunctionFactory = (scope) => (level, message, meta) => {
    const fields = { queue: scope, ...(meta ?? {}) };
    if (level === 'error') deps.logger.error(fields, message);
    else if (level === 'warning') deps.logger.warn(fields, message);
    else deps.logger.debug(fields, message);
  };
  return new QueueLogger(factory);
};

/**
 * The worker: the tasks Sumeru's triggers enqueue, run by graphile-worker (any number of
 * processes share the queue; a job is locked by one worker at a time), plus recovery of work
 * whose job was lost. `stop` lets running jobs finish before it resolves.
 */
export const startJobRunner = async (options: JobRunnerOptions): Promise<JobRunner> => {
  const deps: JobDeps = {
    db: options.db, secret: options.secret, logger: options.logger, delivery: options.delivery,
    ...(options.onDeliveryAttempt ? { onDeliveryAttempt: options.onDeliveryAttempt } : {}),
  };
  const taskList: TaskList = {
    dispatch_event: async (payload) => {
      const p = ZDispatch.parse(payload);
      await dispatchEvent(deps, { shopId: p.shop_id, eventId: p.event_id });
    },
    deliver_webhook: async (payload) => {
      const p = ZDeliver.parse(payload);
      await deliverWebhook(deps, { shopId: p.shop_id, deliveryId: p.delivery_id });
    },
    process_inbound: async (payload) => {
      const p = ZInbound.parse(payload);
      await processInbound(deps, { shopId: p.shop_id, inboundId: p.inbound_id });
    },
    // The cron fans out one job per shop, keyed by shop and day: a second sweep the same day
    // (another replica, a restart) replaces the queued job instead of adding a run.
    schedule_decision_runs: async (_payload, helpers) => {
      const day = new Date().toISOString().slice(0, 10);
      for (const shop of await activeShops(options.db)) {
        await helpers.addJob('decision_run', { shop_id: shop.shopId, agency_id: shop.agencyId }, { jobKey: `decision_run:${shop.shopId}:${day}` });
      }
    },
    decision_run: async (payload) => {
      const p = ZTenant.parse(payload);
      await runScheduledDecisionRun(options.db, { shopId: p.shop_id, agencyId: p.agency_id });
    },
  };

  const requeueStalled = async (): Promise<number> => {
    const rows = await options.db.execute<{ n: number }>(sql`select sumeru_requeue_stalled(make_interval(secs => ${options.recoverySeconds})) as n`);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) options.logger.warn({ requeued: n }, 'queued stalled work again');
    return n;
  };

  // The queue's own pool, owned here so that stop() really closes it, and so that a connection
  // the server drops while idle (a restart) is logged instead of crashing the process.
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.concurrency + 2 });
  const connectionLost = (err: Error) => options.logger.warn({ err }, 'job queue connection lost; it will reconnect');
  pool.on('error', connectionLost);
  pool.on('connect', (client) => client.on('error', connectionLost));
  const runner: Runner = await run({
    pgPool: pool,
    concurrency: options.concurrency,
    taskList,
    noHandleSignals: true,
    pollInterval: options.pollIntervalMs ?? 2000,
    logger: queueLogger(deps),
    ...(options.decisionRunsCron ? { crontab: `${options.decisionRunsCron} schedule_decision_runs` } : {}),
  });
  await requeueStalled();
  const timer = setInterval(() => {
    requeueStalled().catch((err: unknown) => options.logger.warn({ err }, 'requeue of stalled work failed'));
  }, Math.min(60_000, Math.max(1000, (options.recoverySeconds * 1000) / 2)));
  timer.unref();

  return {
    requeueStalled,
    stop: async () => {
      clearInterval(timer);
      await runner.stop();
      await pool.end();
    },
  };
};
