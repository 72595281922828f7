import type { RateLimitDecision } from './decision';
import type { TierPolicy } from './tiers';

export type RateLimiterHealth = { status: 'ok' | 'degraded'; detail?: string };

/** Chosen once at start-up: memory for a single process, Redis when replicas must share counts. */
export interface RateLimiter {
  readonly backend: 'memory' | 'redis';
  /** Counts one request for `key` (e.g. a token id) against `policy`. */
  consume(key: string, policy: TierPolicy): Promise<RateLimitDecision>;
  health(): RateLimiterHealth;
  close(): Promise<void>;
}
