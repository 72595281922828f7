import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { AppError, ERROR_CODES, type ErrorCode, type ErrorDetails } from '@sumeru/errors';

/** The console's errors speak the same codes as the REST envelope, each at the same HTTP status. */
const TO_TRPC: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  bad_request: 'BAD_REQUEST',
  unauthenticated: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  method_not_allowed: 'METHOD_NOT_SUPPORTED',
  idempotency_conflict: 'CONFLICT',
  conflict: 'CONFLICT',
  payload_too_large: 'PAYLOAD_TOO_LARGE',
  unsupported_media_type: 'UNSUPPORTED_MEDIA_TYPE',
  validation_failed: 'UNPROCESSABLE_CONTENT',
  rate_limited: 'TOO_MANY_REQUESTS',
  internal_error: 'INTERNAL_SERVER_ERROR',
  service_unavailable: 'SERVICE_UNAVAILABLE',
};

const FROM_TRPC: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  PARSE_ERROR: 'bad_request',
  BAD_REQUEST: 'validation_failed',
  UNAUTHORIZED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not_found',
  METHOD_NOT_SUPPORTED: 'method_not_allowed',
  CONFLICT: 'conflict',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported_media_type',
  UNPROCESSABLE_CONTENT: 'validation_failed',
  TOO_MANY_REQUESTS: 'rate_limited',
  SERVICE_UNAVAILABLE: 'service_unavailable',
};

export const toTrpcError = (err: AppError): TRPCError => new TRPCError({ code: TO_TRPC[err.code], message: err.message, cause: err });

/** Input that failed its zod schema: 422 naming the first offending field, as the REST API does. */
export const fromInputError = (err: TRPCError): AppError | null => {
  const issues = (err.cause as { issues?: { path?: PropertyKey[]; message: string }[] } | undefined)?.issues;
  if (err.code !== 'BAD_REQUEST' || !Array.isArray(issues)) return null;
  const first = issues[0];
  const field = first?.path?.map(String).join('.') || 'input';
  return new AppError('validation_failed', first ? `${field}: ${first.message}` : 'The input is not valid.', { details: { field } });
};

export type ConsoleErrorBody = { code: ErrorCode; message: string; details: ErrorDetails; request_id: string };

/** What the console's error shape carries besides tRPC's own fields: the REST envelope's fields. */
export const describeError = (error: TRPCError, requestId: string): ConsoleErrorBody => {
  const cause = error.cause instanceof AppError ? error.cause : null;
  const code = cause?.code ?? FROM_TRPC[error.code] ?? 'internal_error';
  // Unknown errors never echo their message: it may hold SQL or paths.
  const message = cause ? cause.message : code === 'internal_error' ? ERROR_CODES.internal_error.message : error.message;
  return { code, message, details: cause?.details ?? {}, request_id: requestId };
};
