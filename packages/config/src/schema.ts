import { z } from 'zod';

const ZBoolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ZPostgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');

const ZRedisUrl = z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL');

const ZTierOverride = z.object({
  limit: z.number().int().positive().optional(),
  windowSeconds: z.number().int().positive().optional(),
});

const ZTierOverrides = z
  .string()
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON, e.g. {"free":{"limit":60}}' });
      return z.NEVER;
    }
  })
  .pipe(z.object({ free: ZTierOverride, pro: ZTierOverride, enterprise: ZTierOverride }).partial().strict());

/** Every environment variable Sumeru reads. README's configuration table mirrors this. */
export const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: ZPostgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: ZRedisUrl.optional(),
  SUMERU_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SUMERU_DATA_DIR: z.string().optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JSON_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  RATE_LIMIT_TIERS: ZTierOverrides.optional(),
  TOKEN_CACHE_MS: z.coerce.number().int().min(0).max(1000).default(1000),
  USAGE_FLUSH_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  TRUST_PROXY: ZBoolean.default(false),
  /** Lets webhook endpoints point at loopback (and plain http): local development and tests only. */
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: ZBoolean.default(false),
  /** How long a receiver has to answer one delivery. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  /** Seconds to wait before each retry; the length is the number of retries. */
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be comma-separated seconds, e.g. 5,300,1800')
    .transform((s) => s.split(',').map(Number))
    .default([5, 300, 1800, 7200, 18_000, 36_000, 36_000]),
  /** An endpoint failing without a success for this long is disabled (default 5 days). */
  WEBHOOK_DISABLE_AFTER_HOURS: z.coerce.number().min(0).max(24 * 60).default(120),
  /** Jobs one worker process runs at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  /** Run the worker inside the API process: default in the embedded mode, off with DATABASE_URL. */
  WORKER_IN_PROCESS: ZBoolean.optional(),
  /** Work whose job was lost (a killed worker) is queued again after this many seconds. */
  WORKER_RECOVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** When every active shop's RFM decision run starts (cron, UTC); `off` disables scheduled runs. */
  DECISION_RUNS_CRON: z.string().regex(/^(off|(\S+\s+){4}\S+)$/, 'must be a 5-field cron expression or off').default('0 3 * * *'),
});

export type Env = z.infer<typeof ZEnv>;
