import { Redis } from 'ioredis';

export type RedisClientOptions = {
  /** Connection and command errors; without a listener ioredis prints each one to stderr. */
  onError?: (err: Error) => void;
  /** Upper bound for one command, so a Redis that accepts connections but stalls cannot hang requests. */
  commandTimeoutMs?: number;
};

const MAX_RECONNECT_DELAY_MS = 5_000;

/**
 * An ioredis client suited to the rate limiter: commands fail immediately while disconnected
 * (no offline queue) so requests fall back to the local limiter instead of waiting, and the
 * client keeps reconnecting in the background with capped exponential backoff.
 */
export function createRedisClient(url: string, options: RedisClientOptions = {}): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: false,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    // Never returns null: giving up would leave the API on per-replica limits until restart.
    retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 10), MAX_RECONNECT_DELAY_MS),
  });
  client.on('error', (err: Error) => options.onError?.(err));
  return client;
}
