import express, { type RequestHandler, type Router } from 'express';
import { AppError } from '@sumeru/errors';
import type { ApiDeps } from '../deps';
import { state } from '../http/request-context';
import { templatePath, type AnyEndpoint } from './endpoint';
import { execute, unsupportedMediaType } from './execute';
import { authenticate, rateLimit, recordUsage, requireScope } from './guards';

const pathPattern = (path: string): RegExp => new RegExp(`^${path.replace(/:\w+/g, '[^/]+')}/?$`);

/**
 * Mounted after a surface's routes: a known path asked with a method it lacks answers 405 with
 * `Allow` (HEAD wherever GET is); an unknown path falls through to the 404 handler.
 */
export const methodNotAllowed = (endpoints: readonly { path: string; method: string }[]): RequestHandler => {
  const byPath = new Map<string, Set<string>>();
  for (const e of endpoints) byPath.set(e.path, (byPath.get(e.path) ?? new Set()).add(e.method.toUpperCase()));
  const patterns = [...byPath].map(([path, methods]) => ({ pattern: pathPattern(path), methods }));
  return (req, res, next) => {
    const match = patterns.find((p) => p.pattern.test(req.path));
    if (!match) return next();
    const allow = [...match.methods, ...(match.methods.has('GET') ? ['HEAD'] : [])].join(', ');
    res.setHeader('Allow', allow);
    throw new AppError('method_not_allowed', `${req.method} is not allowed here; use ${allow}.`, { details: { allowed_methods: allow.split(', ') } });
  };
};

/**
 * Builds the admin API router from endpoint declarations. Order per endpoint: label the
 * route, stability header, authenticate (401), rate limit (429), scope (403), then execute.
 * A path that exists with other methods answers 405 with `Allow`; anything else falls
 * through to the 404 handler.
 */
export const mountEndpoints = (endpoints: readonly AnyEndpoint[], deps: ApiDeps, prefix: string): Router => {
  const router = express.Router({ strict: false });
  router.use(recordUsage(deps));
  for (const endpoint of endpoints) {
    const label: RequestHandler = (_req, res, next) => {
      state(res).route = `${endpoint.method.toUpperCase()} ${prefix}${templatePath(endpoint.path)}`;
      res.setHeader('X-Sumeru-Stability', endpoint.stability);
      next();
    };
    const chain = [label, authenticate(deps), rateLimit(deps), requireScope(endpoint.scope)];
    if (endpoint.method !== 'get' && endpoint.method !== 'delete') chain.push(unsupportedMediaType);
    router[endpoint.method](endpoint.path, ...chain, execute(endpoint, deps));
  }

  router.use(methodNotAllowed(endpoints));
  return router;
};
