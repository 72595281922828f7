import { RateLimiterMemory } from 'rate-limiter-flexible';
import { decideConsume, describePolicyKey } from './decision';
import type { RateLimiter } from './limiter';
import type { TierPolicy } from './tiers';

/** Per-process counters: correct for one process only (embedded mode, tests). */
export function createMemoryRateLimiter(): RateLimiter {
  const limiters = new Map<string, RateLimiterMemory>();

  function getLimiter(policy: TierPolicy): RateLimiterMemory {
    const id = describePolicyKey(policy);
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterMemory({ points: policy.limit, duration: policy.windowSeconds, keyPrefix: '' });
      limiters.set(id, limiter);
    }
    return limiter;
  }

  return {
    backend: 'memory',
    consume: (key, policy) => decideConsume(getLimiter(policy), key, policy),
    health: () => ({ status: 'ok' }),
    async close() {
      limiters.clear();
    },
  };
}
