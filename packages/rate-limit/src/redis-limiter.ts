import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { IRateLimiterOptions } from 'rate-limiter-flexible';
import { decideConsume, describePolicyKey } from './decision';
import type { RateLimiter, RateLimiterHealth } from './limiter';
import type { TierPolicy } from './tiers';

export type RedisRateLimiterOptions = {
  /**
   * Must be created with `enableOfflineQueue: false` (use createRedisClient): with the offline
   * queue on, commands issued while Redis is down wait for a reconnect and requests hang.
   * The limiter takes ownership: close() disconnects it.
   */
  redis: Redis;
  /** Namespace for the counters in Redis; distinct deployments sharing a Redis need distinct prefixes. */
  keyPrefix?: string;
  /** Told when requests are being counted locally; throttled so an outage does not flood logs. */
  onFallback?: (err: unknown) => void;
  /** Minimum seconds between two onFallback calls. */
  fallbackNoticeIntervalSeconds?: number;
  /** How long health() stays degraded after the last request served by the fallback. */
  degradedForSeconds?: number;
};

/** Runs `onUse` each time rate-limiter-flexible hands a consume over to the insurance limiter. */
class InsuranceLimiter extends RateLimiterMemory {
  private readonly onUse: () => void;

  constructor(opts: IRateLimiterOptions, onUse: () => void) {
    super(opts);
    this.onUse = onUse;
  }

  override consume(key: string | number, points?: number, options?: Record<string, unknown>) {
    this.onUse();
    return super.consume(key, points, options);
  }
}

/**
 * Counters shared by every replica through Redis.
 *
 * Decision: when Redis errors or is unreachable we fail open to a LOCAL limit, not to unlimited
 * and not closed. Each replica then enforces the tier limit on its own (so the effective limit is
 * up to limit × replicas), the API keeps serving, and health() reports degraded for /readyz.
 */
export function createRedisRateLimiter(opts: RedisRateLimiterOptions): RateLimiter {
  const { redis, keyPrefix = 'sumeru:rl', onFallback } = opts;
  const noticeIntervalMs = (opts.fallbackNoticeIntervalSeconds ?? 30) * 1000;
  const degradedForMs = (opts.degradedForSeconds ?? 5) * 1000;
  const limiters = new Map<string, RateLimiterRedis>();
  let lastFallbackAt = 0;
  let lastNoticeAt = 0;
  let lastRedisError: Error | undefined;

  const rememberError = (err: Error) => {
    lastRedisError = err;
  };
  redis.on('error', rememberError);

  function recordFallback(): void {
    const now = Date.now();
    lastFallbackAt = now;
    if (!onFallback || now - lastNoticeAt < noticeIntervalMs) return;
    lastNoticeAt = now;
    const reason = redis.status === 'ready' ? 'a Redis command failed' : `the Redis connection is ${redis.status}`;
    onFallback(new Error(`Rate limits are counted by the local fallback limiter: ${reason}`, { cause: lastRedisError }));
  }

  function getLimiter(policy: TierPolicy): RateLimiterRedis {
    const id = describePolicyKey(policy);
    let limiter = limiters.get(id);
    if (!limiter) {
      const shape = { points: policy.limit, duration: policy.windowSeconds };
      limiter = new RateLimiterRedis({
        ...shape,
        storeClient: redis,
        keyPrefix: `${keyPrefix}:${id}`,
        // Go straight to the insurance limiter while disconnected instead of trying the socket.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new InsuranceLimiter(shape, recordFallback),
      });
      limiters.set(id, limiter);
    }
    return limiter;
  }

  function health(): RateLimiterHealth {
    if (redis.status !== 'ready') {
      return { status: 'degraded', detail: `Redis connection is ${redis.status}; rate limits are enforced per replica` };
    }
    const sinceFallbackMs = Date.now() - lastFallbackAt;
    if (sinceFallbackMs < degradedForMs) {
      const seconds = Math.floor(sinceFallbackMs / 1000);
      return { status: 'degraded', detail: `Redis rate-limit call failed ${seconds}s ago; served by the local fallback limiter` };
    }
    return { status: 'ok' };
  }

  return {
    backend: 'redis',
    consume: (key, policy) => decideConsume(getLimiter(policy), key, policy),
    health,
    async close() {
      limiters.clear();
      if (redis.status === 'ready') {
        await redis.quit().catch(() => redis.disconnect());
      } else {
        redis.disconnect();
      }
      redis.off('error', rememberError);
    },
  };
}
