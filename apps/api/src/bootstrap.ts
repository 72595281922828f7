import type { Config } from '@sumeru/config';
import { closeDatabase, createDatabase } from '@sumeru/db';
import { createMemoryRateLimiter, createRedisClient, createRedisRateLimiter, resolveTiers, type RateLimiter } from '@sumeru/rate-limit';
import type { ApiDeps } from './deps';
import { createMetrics } from './http/metrics';
import type { Logger } from './logger';
import { createTokenAuthenticator } from './pipeline/token-authenticator';
import { createUsageRecorder } from './usage/recorder';

/** Redis when REDIS_URL is set (shared across replicas), memory otherwise (one process). */
const createLimiter = (config: Config, logger: Logger): RateLimiter => {
  if (!config.REDIS_URL) return createMemoryRateLimiter();
  const redis = createRedisClient(config.REDIS_URL, { onError: (err) => logger.debug({ err }, 'redis error') });
  return createRedisRateLimiter({
    redis,
    onFallback: (err) => logger.warn({ err }, 'Redis unavailable: rate limiting on the local fallback limiter'),
  });
};

export const createDeps = (config: Config, options: { databaseUrl: string; secret: string; logger: Logger }): ApiDeps => {
  const db = createDatabase({ url: options.databaseUrl, poolSize: config.DATABASE_POOL_SIZE });
  return {
    config,
    db,
    logger: options.logger,
    limiter: createLimiter(config, options.logger),
    tiers: resolveTiers(config.RATE_LIMIT_TIERS),
    tokens: createTokenAuthenticator(db, config.TOKEN_CACHE_MS),
    usage: createUsageRecorder(db, options.logger, config.USAGE_FLUSH_MS),
    metrics: createMetrics(db, config.METRICS_TOKEN ? { token: config.METRICS_TOKEN } : {}),
    secret: options.secret,
  };
};

/** Clean shutdown: write pending usage, then release the limiter and the pool. */
export const closeDeps = async (deps: ApiDeps): Promise<void> => {
  await deps.usage.stop();
  await deps.limiter.close();
  await closeDatabase(deps.db);
};
