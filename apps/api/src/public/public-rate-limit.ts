import type { RequestHandler } from 'express';
import { AppError } from '@sumeru/errors';
import { rateLimitHeaders, type RateLimitDecision, type TierPolicy } from '@sumeru/rate-limit';
import type { ApiDeps } from '../deps';
import { state } from '../http/request-context';
import { publicState } from './public-state';

/** read: GET; write: review submissions and the like; ingest: pixel batches. */
export type RateClass = 'read' | 'write' | 'ingest';

/**
 * Storefront limits, derived from the configured tiers (RATE_LIMIT_TIERS) so one setting tunes
 * every surface: per client IP, reads and ingest at the `pro` rate, writes at `free`; per key
 * (or per shop for Origin callers), reads and ingest at `enterprise`, writes at `pro`. With the
 * defaults: 600/min reads and 60/min writes per shopper IP, 6,000/min and 600/min per shop.
 */
export const publicPolicies = (tiers: ApiDeps['tiers']): Record<'ip' | 'key', Record<RateClass, TierPolicy>> => {
  const named = (tier: TierPolicy, name: string): TierPolicy => ({ ...tier, name });
  return {
    ip: { read: named(tiers.pro, 'public-read-ip'), write: named(tiers.free, 'public-write-ip'), ingest: named(tiers.pro, 'public-ingest-ip') },
    key: { read: named(tiers.enterprise, 'public-read-key'), write: named(tiers.pro, 'public-write-key'), ingest: named(tiers.enterprise, 'public-ingest-key') },
  };
};

const apply = (res: Parameters<RequestHandler>[1], decision: RateLimitDecision) => {
  const s = state(res);
  const previous = publicState(res).decision;
  // Both limits apply; the headers describe whichever is closer to refusing.
  if (!previous || !decision.allowed || decision.remaining < previous.remaining) {
    publicState(res).decision = decision;
    s.rateLimitHeaders = rateLimitHeaders(decision);
    for (const [name, value] of Object.entries(s.rateLimitHeaders)) res.setHeader(name, value);
  }
  if (!decision.allowed) {
    s.rateLimited = true;
    throw new AppError('rate_limited', `Too many requests; retry after ${decision.retryAfterSeconds}s.`, {
      details: { retry_after: decision.retryAfterSeconds, limit: decision.limit, policy: decision.policy.name },
    });
  }
};

/** Before authentication: an anonymous flood is refused before it costs a key lookup. */
export const limitByIp = (deps: ApiDeps, rateClass: RateClass): RequestHandler => {
  const policy = publicPolicies(deps.tiers).ip[rateClass];
  return async (req, res, next) => {
    apply(res, await deps.limiter.consume(`public:ip:${req.ip ?? 'unknown'}:${rateClass}`, policy));
    next();
  };
};

export const limitByCaller = (deps: ApiDeps, rateClass: RateClass): RequestHandler => {
  const policy = publicPolicies(deps.tiers).key[rateClass];
  return async (_req, res, next) => {
    const caller = publicState(res).caller!;
    const subject = caller.keyId ? `key:${caller.keyId}` : `shop:${caller.shopId}`;
    apply(res, await deps.limiter.consume(`public:${subject}:${rateClass}`, policy));
    next();
  };
};
