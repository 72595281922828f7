import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, isAppError, toEnvelope } from '@sumeru/errors';
import { state } from './request-context';

/** body-parser signals its failures with `type`; each becomes the matching envelope. */
const fromBodyParser = (err: { type?: string; limit?: number }): AppError | null => {
  switch (err.type) {
    case 'entity.too.large':
      return new AppError('payload_too_large', `The request body exceeds ${err.limit ?? 'the'} bytes.`, { details: { limit_bytes: err.limit } });
    case 'entity.parse.failed':
      return new AppError('bad_request', 'The request body is not valid JSON.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('unsupported_media_type', 'The request body must be UTF-8 JSON.');
    case 'request.aborted':
    case 'request.size.invalid':
      return new AppError('bad_request', 'The request body was incomplete.');
    default:
      return null;
  }
};

/**
 * Errors that mean "the database is not there right now", not "this request is wrong":
 * connection refused or reset, the server shutting down, too many connections.
 */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', '57P01', '57P02', '57P03', '53300', '3D000']);

const fromDatabase = (err: unknown): AppError | null => {
  const codes = [err, (err as { cause?: unknown })?.cause].map((e) => (e as { code?: unknown } | undefined)?.code);
  return codes.some((code) => typeof code === 'string' && UNAVAILABLE_CODES.has(code))
    ? new AppError('service_unavailable', 'The service is temporarily unavailable; retry shortly.', { headers: { 'Retry-After': '5' } })
    : null;
};

export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  const s = state(res);
  const known = isAppError(err) ? err : (fromBodyParser(err as { type?: string }) ?? fromDatabase(err));
  if (known?.code === 'service_unavailable' && !isAppError(err)) s.log.error({ err }, 'database unavailable');
  const appError = known;
  if (!appError) s.log.error({ err }, 'unhandled error');
  const { status, body, headers } = toEnvelope(appError ?? err, s.requestId);
  if (res.headersSent) return;
  for (const [name, value] of Object.entries({ ...s.rateLimitHeaders, ...headers })) res.setHeader(name, value);
  res.status(status).json(body);
};

/** Any path no route claimed. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `No route for ${req.method} ${req.path}.`));
};
