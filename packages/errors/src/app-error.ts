import { ERROR_CODES, type ErrorCode } from './codes';

export type ErrorDetails = Record<string, unknown>;

/**
 * An error meant to reach the client. `message` is user-facing; `internalMessage` is for
 * logs only and never serialised.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  readonly internalMessage: string | undefined;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message?: string,
    options: { details?: ErrorDetails; internalMessage?: string; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message ?? ERROR_CODES[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details ?? {};
    this.internalMessage = options.internalMessage;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;

/** One invalid field. `validation_failed` always names the field. */
export const validationError = (field: string, message: string, extra: ErrorDetails = {}): AppError =>
  new AppError('validation_failed', message, { details: { field, ...extra } });

export const notFound = (what = 'resource'): AppError => new AppError('not_found', `No such ${what}.`);
