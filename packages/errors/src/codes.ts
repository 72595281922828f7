/**
 * The one table of error codes. The Express error handler, the tRPC formatter and the
 * OpenAPI documents all read it, so a code can never map to two statuses.
 */
export const ERROR_CODES = {
  bad_request: { status: 400, message: 'The request could not be parsed.' },
  unauthenticated: { status: 401, message: 'A valid API token is required.' },
  forbidden: { status: 403, message: 'The token is not allowed to do this.' },
  not_found: { status: 404, message: 'The resource does not exist.' },
  method_not_allowed: { status: 405, message: 'The method is not allowed on this resource.' },
  idempotency_conflict: { status: 409, message: 'The Idempotency-Key was already used for another request.' },
  conflict: { status: 409, message: 'The request conflicts with the current state of the resource.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'The request body must be application/json.' },
  validation_failed: { status: 422, message: 'The request is not valid.' },
  rate_limited: { status: 429, message: 'Too many requests.' },
  internal_error: { status: 500, message: 'Something went wrong on our side. Cite the request id when contacting support.' },
  service_unavailable: { status: 503, message: 'The service is temporarily unavailable.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);

export const statusOf = (code: ErrorCode): number => ERROR_CODES[code].status;
