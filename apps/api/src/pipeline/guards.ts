import type { RequestHandler } from 'express';
import { hasScope, type Scope } from '@sumeru/auth';
import { AppError } from '@sumeru/errors';
import { rateLimitHeaders } from '@sumeru/rate-limit';
import type { ApiDeps } from '../deps';
import { state } from '../http/request-context';

export const authenticate = (deps: ApiDeps): RequestHandler => async (req, res, next) => {
  state(res).token = await deps.tokens.authenticate(req.get('authorization'));
  next();
};

/** Per token, by tier. Headers go on every response, errors included. */
export const rateLimit = (deps: ApiDeps): RequestHandler => async (_req, res, next) => {
  const s = state(res);
  const token = s.token!;
  const decision = await deps.limiter.consume(`token:${token.id}`, deps.tiers[token.tier]);
  s.rateLimitHeaders = rateLimitHeaders(decision);
  for (const [name, value] of Object.entries(s.rateLimitHeaders)) res.setHeader(name, value);
  if (!decision.allowed) {
    s.rateLimited = true;
    throw new AppError('rate_limited', `Too many requests; retry after ${decision.retryAfterSeconds}s.`, {
      details: { retry_after: decision.retryAfterSeconds, limit: decision.limit, tier: token.tier },
    });
  }
  next();
};

export const requireScope = (scope: Scope | null): RequestHandler => (_req, res, next) => {
  const token = state(res).token!;
  if (scope && !hasScope(token.scopes, scope)) {
    throw new AppError('forbidden', `This token lacks the ${scope} scope.`, { details: { missing_scope: scope, granted_scopes: token.scopes } });
  }
  next();
};

/** Counts the request once it is answered, whatever the outcome (usage and last-used time). */
export const recordUsage = (deps: ApiDeps): RequestHandler => (_req, res, next) => {
  res.on('finish', () => {
    const s = state(res);
    if (s.token && s.route) {
      deps.usage.record({ agencyId: s.token.agencyId, shopId: s.token.shopId, tokenId: s.token.id, route: s.route, status: res.statusCode });
    }
  });
  next();
};
