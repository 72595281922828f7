export { ERROR_CODES, isErrorCode, statusOf, type ErrorCode } from './codes';
export { AppError, isAppError, notFound, validationError, type ErrorDetails } from './app-error';
export { envelopeFor, toEnvelope, type ErrorEnvelope } from './envelope';
