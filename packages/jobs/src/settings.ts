import type { Database } from '@sumeru/db';
import type { Logger } from 'pino';

export type DeliverySettings = {
  /** How long a receiver has to answer. */
  timeoutMs: number;
  /** Seconds before each retry (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h by default). */
  retrySchedule: readonly number[];
  /** An endpoint failing without a success for this long is disabled. */
  disableAfterMs: number;
  /** Loopback and plain http targets: local development and tests only. */
  allowPrivateTargets: boolean;
};

/** What every task needs: the application's pool (tasks run under RLS through withShop). */
export type JobDeps = {
  db: Database;
  /** The platform secret: opens the sealed signing and inbound secrets. */
  secret: string;
  logger: Logger;
  delivery: DeliverySettings;
  /** Told each delivery attempt's outcome (metrics). */
  onDeliveryAttempt?: (result: string) => void;
};
