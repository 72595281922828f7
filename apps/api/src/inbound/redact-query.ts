import type { RequestHandler } from 'express';

/**
 * Meta's handshake carries the shop's verify token in the query string (and sendBeacon calls
 * the storefront API with `?key=`), and the access log
 * records the URL (pino-http reads `originalUrl` when the request starts). Mounted before the
 * logger, this drops `/webhooks/*` query strings from what is logged; routing and `req.query`
 * read `req.url`, which stays whole.
 */
export const redactWebhookQuery: RequestHandler = (req, _res, next) => {
  if (req.url.startsWith('/webhooks/') && req.url.includes('?')) req.originalUrl = `${req.url.slice(0, req.url.indexOf('?'))}?[redacted]`;
  // Publishable keys are public by design, but logs are no place to collect them either.
  else if (req.url.includes('key=')) req.originalUrl = req.url.replace(/([?&]key=)[^&]*/g, '$1[redacted]');
  next();
};
