import type { Config } from '@sumeru/config';
import type { Database } from '@sumeru/db';
import type { RateLimiter, TierName, TierPolicy } from '@sumeru/rate-limit';
import type { Metrics } from './http/metrics';
import type { Logger } from './logger';
import type { TokenAuthenticator } from './pipeline/token-authenticator';
import type { UsageRecorder } from './usage/recorder';

/** Everything a request handler may reach, built once at start-up (see bootstrap.ts). */
export type ApiDeps = {
  config: Config;
  db: Database;
  logger: Logger;
  limiter: RateLimiter;
  tiers: Record<TierName, TierPolicy>;
  tokens: TokenAuthenticator;
  usage: UsageRecorder;
  metrics: Metrics;
  /** Signs cursors; the same on every replica. */
  secret: string;
};
