import express, { type RequestHandler, type Router } from 'express';
import { withShop } from '@sumeru/db';
import type { ApiDeps } from '../deps';
import { state } from '../http/request-context';
import { zodToValidationError } from '../listing/attributes';
import { templatePath } from '../pipeline/endpoint';
import { methodNotAllowed } from '../pipeline/mount';
import { allowOrigin, credentialsOf, preflight } from './cors';
import { publicBody } from './public-body';
import { createPublicAuthenticator, type PublicAuthenticator } from './public-caller';
import type { AnyPublicEndpoint } from './public-endpoint';
import { limitByCaller, limitByIp } from './public-rate-limit';
import { publicState } from './public-state';

/** The default cap for storefront bodies; routes may set less or (the pixel batch) more. */
export const PUBLIC_BODY_LIMIT_BYTES = 16 * 1024;

const parse = (schema: AnyPublicEndpoint['params'], value: unknown, where: string): unknown => {
  if (!schema) return value;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodToValidationError(parsed.error, where);
  return parsed.data;
};

const authenticate = (auth: PublicAuthenticator): RequestHandler => async (req, res, next) => {
  const caller = await auth.authenticate(credentialsOf(req));
  publicState(res).caller = caller;
  if (caller.origin) allowOrigin(res, caller.origin);
  next();
};

const execute = (endpoint: AnyPublicEndpoint, deps: ApiDeps): RequestHandler => async (req, res) => {
  const s = state(res);
  const caller = publicState(res).caller!;
  const { key: _key, shop: _shop, ...query } = req.query as Record<string, unknown>;
  const params = parse(endpoint.params, req.params, 'path');
  const parsedQuery = parse(endpoint.query, query, 'query');
  const body = endpoint.body ? parse(endpoint.body, req.body, '') : undefined;
  const result = await withShop(deps.db, caller.shopId, (tx) =>
    endpoint.handler({ req, res, requestId: s.requestId, log: s.log, caller, tx, deps, params, query: parsedQuery, body }),
  );
  if (result.status === 204 || result.body === undefined) res.status(result.status).end();
  else res.status(result.status).json(result.body);
};

/**
 * `/api/public`: the storefront surface. Per route: label, per-IP limit (before any lookup),
 * authenticate by publishable key or allow-listed Origin (and set the CORS headers), per-key
 * limit, body (own small limit), validate, run in the shop's RLS transaction. Errors reach the
 * shared error handler and leave as the envelope, readable by allowed origins.
 */
export const publicApi = (deps: ApiDeps, endpoints: readonly AnyPublicEndpoint[], options: { auth?: PublicAuthenticator } = {}): Router => {
  const auth = options.auth ?? createPublicAuthenticator(deps.db, deps.config.TOKEN_CACHE_MS);
  const router = express.Router({ strict: false });
  router.use((_req, res, next) => {
    res.setHeader('Vary', 'Origin');
    next();
  });
  router.use(preflight(auth));
  for (const endpoint of endpoints) {
    const label: RequestHandler = (_req, res, next) => {
      state(res).route = `${endpoint.method.toUpperCase()} /api/public${templatePath(endpoint.path)}`;
      res.setHeader('X-Sumeru-Stability', endpoint.stability);
      next();
    };
    const chain: RequestHandler[] = [label, limitByIp(deps, endpoint.rateClass), authenticate(auth), limitByCaller(deps, endpoint.rateClass)];
    if (endpoint.method === 'post') chain.push(...publicBody(endpoint.bodyLimitBytes ?? PUBLIC_BODY_LIMIT_BYTES, endpoint.acceptsTextPlain ?? false));
    router[endpoint.method](endpoint.path, ...chain, execute(endpoint, deps));
  }
  router.use(methodNotAllowed(endpoints));
  return router;
};
