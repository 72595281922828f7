import { RateLimiterRes } from 'rate-limiter-flexible';
import type { TierPolicy } from './tiers';

export type RateLimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds when the current window ends. */
  resetAt: number;
  /** Seconds until the current window ends, >= 0. */
  resetSeconds: number;
  /** Seconds to wait before retrying; null when allowed. */
  retryAfterSeconds: number | null;
  policy: TierPolicy;
};

export type ConsumingLimiter = { consume(key: string): Promise<RateLimiterRes> };

/**
 * Runs one consume and turns its outcome into a decision. rate-limiter-flexible rejects with a
 * RateLimiterRes when the key is over its limit; any other rejection is a real failure and is
 * rethrown, so an outage is never mistaken for (or disguised as) a 429.
 */
export async function decideConsume(limiter: ConsumingLimiter, key: string, policy: TierPolicy): Promise<RateLimitDecision> {
  try {
    const res = await limiter.consume(key);
    return toDecision(res, policy, true);
  } catch (err) {
    if (err instanceof RateLimiterRes) return toDecision(err, policy, false);
    throw err;
  }
}

function toDecision(res: RateLimiterRes, policy: TierPolicy, allowed: boolean): RateLimitDecision {
  const msBeforeNext = Math.max(0, res.msBeforeNext);
  const resetSeconds = Math.ceil(msBeforeNext / 1000);
  return {
    allowed,
    limit: policy.limit,
    remaining: allowed ? Math.max(0, res.remainingPoints) : 0,
    resetAt: Math.ceil((Date.now() + msBeforeNext) / 1000),
    resetSeconds,
    retryAfterSeconds: allowed ? null : Math.max(1, resetSeconds),
    policy,
  };
}

/** Identifies a policy by everything that changes its counting, so variants never share state. */
export function describePolicyKey(policy: TierPolicy): string {
  return `${policy.name}:${policy.limit}:${policy.windowSeconds}`;
}
