import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { newId } from '@sumeru/domain';
import type { Logger } from '../logger';
import { state } from './request-context';

/**
 * The URL as the access log keeps it: secrets that ride in query strings are dropped (Meta's
 * verify token on /webhooks/*, so every webhook query; publishable keys in `?key=`, public by
 * design but no reason to collect them). Routing still reads the whole URL.
 */
export const loggableUrl = (url: string): string => {
  if (url.startsWith('/webhooks/') && url.includes('?')) return `${url.slice(0, url.indexOf('?'))}?[redacted]`;
  return url.includes('key=') ? url.replace(/([?&]key=)[^&]*/g, '$1[redacted]') : url;
};

/**
 * Gives every request a `req_…` id, returned in X-Request-Id and carried by every log line
 * of the request (pino-http's child logger), including the access line with tenant and token.
 */
export const requestIdAndLogging = (logger: Logger): RequestHandler[] => [
  (req, res, next) => {
    const requestId = newId('request');
    res.setHeader('X-Request-Id', requestId);
    res.locals.sumeru = { requestId, log: logger };
    next();
  },
  pinoHttp({
    logger,
    genReqId: (_req, res) => state(res as never).requestId,
    // Bind only the request id to the per-request child logger: every line carries it.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'request_id', responseTime: 'duration_ms' },
    customProps: (_req, res) => {
      const s = state(res as never);
      return s?.token ? { shop_id: s.token.shopId, token_id: s.token.id, route: s.route } : { route: s?.route };
    },
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: loggableUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
  }),
  (req, res, next) => {
    state(res).log = req.log;
    next();
  },
];
