import { createHmac } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { safeEqual } from '@sumeru/auth';
import { AppError } from '@sumeru/errors';

export const CSRF_HEADER = 'x-csrf-token';

/**
 * The CSRF token is an HMAC of the session id under the platform secret: nothing to store, the
 * same on every replica, and useless without the session it belongs to. The browser gets it in
 * the JSON of `session.me`/`session.signIn` (the cookie itself is HttpOnly) and echoes it in a header.
 */
export const csrfTokenFor = (secret: string, sessionId: string): string =>
  createHmac('sha256', secret).update(`console-csrf:${sessionId}`).digest('base64url');

export const isCsrfTokenValid = (secret: string, sessionId: string, presented: string | undefined): boolean =>
  typeof presented === 'string' && presented.length > 0 && safeEqual(presented, csrfTokenFor(secret, sessionId));

const ownOrigin = (req: Request): string => `${req.protocol}://${req.get('host') ?? ''}`;

/**
 * Every state-changing console request must come from the console's own origin. Browsers send
 * Origin on every cross-site POST, so a missing Origin is refused as well; tRPC mutations are
 * POST-only, so GET (queries) never changes anything.
 */
export const requireSameOrigin: RequestHandler = (req, _res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
  const origin = req.get('origin');
  if (!origin || origin !== ownOrigin(req)) {
    return next(new AppError('forbidden', 'Cross-origin requests to the console API are refused.', { details: { reason: 'origin_mismatch' } }));
  }
  next();
};
