/**
 * When to try a failed delivery again. `schedule[n]` is the wait (seconds) after the (n+1)th
 * attempt; past its end the delivery has failed for good. Each wait is spread by ±10% so a
 * receiver that comes back is not hit by every queued retry in the same second. A 429 or 503
 * with `Retry-After` is honoured instead (at least 1 s, at most a day).
 */
export const nextRetryDelayMs = (
  attemptsMade: number,
  schedule: readonly number[],
  retryAfterSeconds: number | null,
  random: () => number = Math.random,
): number | null => {
  if (attemptsMade > schedule.length) return null;
  if (retryAfterSeconds !== null) return Math.min(Math.max(retryAfterSeconds, 1), 86_400) * 1000;
  const base = schedule[attemptsMade - 1]! * 1000;
  return Math.round(base * (0.9 + 0.2 * random()));
};

/** `Retry-After` as seconds: an integer, or an HTTP date relative to `now`. */
export const parseRetryAfter = (header: string | undefined, now: number = Date.now()): number | null => {
  if (!header) return null;
  const value = header.trim();
  if (/^\d{1,9}$/.test(value)) return Number(value);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
};
