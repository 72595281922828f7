import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, statusOf, type ErrorCode } from '@sumeru/errors';
import { describeError, fromInputError, toTrpcError } from './errors';

describe('console error mapping', () => {
  it('answers every error code with the same HTTP status as the REST envelope', () => {
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      const error = toTrpcError(new AppError(code));
      expect(getHTTPStatusCodeFromError(error), code).toBe(statusOf(code));
      expect(describeError(error, 'req_1').code, code).toBe(code);
    }
  });

  it('never echoes an unknown error’s message', () => {
    const error = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'relation "secrets" does not exist', cause: new Error('relation "secrets" does not exist') });
    expect(describeError(error, 'req_1')).toEqual({ code: 'internal_error', message: ERROR_CODES.internal_error.message, details: {}, request_id: 'req_1' });
  });

  it('turns a failed input schema into 422 naming the field', () => {
    const cause = Object.assign(new Error('invalid'), { issues: [{ path: ['scopes', 0], message: 'Invalid option' }] });
    const mapped = fromInputError(new TRPCError({ code: 'BAD_REQUEST', cause }));
    expect(mapped?.code).toBe('validation_failed');
    expect(mapped?.details).toEqual({ field: 'scopes.0' });
    expect(fromInputError(new TRPCError({ code: 'BAD_REQUEST', message: 'not JSON' }))).toBeNull();
  });
});
