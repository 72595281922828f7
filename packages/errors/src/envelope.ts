import { AppError, isAppError, type ErrorDetails } from './app-error';
import { ERROR_CODES, type ErrorCode } from './codes';

export type ErrorEnvelope = {
  error: { code: ErrorCode; message: string; details: ErrorDetails; request_id: string };
};

/**
 * Turns anything thrown into the public envelope. Unknown errors become a generic 500:
 * their message may hold SQL, paths or secrets, so it is never echoed.
 */
export const toEnvelope = (err: unknown, requestId: string): { status: number; body: ErrorEnvelope; headers: Record<string, string> } => {
  const appError = isAppError(err) ? err : new AppError('internal_error');
  return {
    status: appError.status,
    headers: appError.headers,
    body: {
      error: {
        code: appError.code,
        message: appError.message,
        details: appError.details,
        request_id: requestId,
      },
    },
  };
};

export const envelopeFor = (code: ErrorCode, requestId: string, message?: string, details: ErrorDetails = {}): ErrorEnvelope => ({
  error: { code, message: message ?? ERROR_CODES[code].message, details, request_id: requestId },
});
