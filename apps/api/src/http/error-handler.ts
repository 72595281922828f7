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

export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  const s = state(res);
  const appError = isAppError(err) ? err : fromBodyParser(err as { type?: string });
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
