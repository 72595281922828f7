import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '@sumeru/errors';
import type { Credentials, PublicAuthenticator } from './public-caller';

const ALLOWED_METHODS = 'GET, POST';
const ALLOWED_HEADERS = 'Content-Type, X-Sumeru-Key';
const EXPOSED_HEADERS = 'X-Request-Id, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, RateLimit, RateLimit-Policy, Retry-After';

const single = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The credentials a storefront request carries: key (header, then query), `?shop=`, Origin. */
export const credentialsOf = (req: Request): Credentials => ({
  key: req.get('x-sumeru-key') ?? single(req.query.key),
  shop: single(req.query.shop),
  origin: req.get('origin'),
});

/**
 * Marks the response readable by `origin`. Credentials are never allowed: no
 * Access-Control-Allow-Credentials, so cookies and HTTP auth never ride along.
 */
export const allowOrigin = (res: Response, origin: string) => {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
};

/**
 * CORS preflight. A preflight carries no header values, so the shop must be named in the URL:
 * `?key=pk_live_…` or `?shop=shp_…` (the widgets and the pixel put the key in the URL). It is
 * answered (204 with the CORS headers) only when that key or shop allows the Origin; otherwise
 * 403 with no CORS headers, and the browser never sends the request.
 */
export const preflight = (auth: PublicAuthenticator): RequestHandler => async (req, res, next) => {
  if (req.method !== 'OPTIONS') return next();
  res.setHeader('Vary', 'Origin');
  const credentials = { ...credentialsOf(req), key: single(req.query.key) };
  if (!credentials.origin) throw new AppError('bad_request', 'A CORS preflight needs an Origin header.');
  try {
    await auth.authenticate(credentials);
  } catch (err) {
    throw new AppError('forbidden', 'This origin may not call this shop’s storefront API.', { details: { origin: credentials.origin }, cause: err });
  }
  allowOrigin(res, credentials.origin);
  res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
  res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
  res.setHeader('Access-Control-Max-Age', '600');
  res.status(204).end();
};
