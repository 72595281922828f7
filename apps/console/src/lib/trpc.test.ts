import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { errorMessage, errorStatus, queryClient } from './trpc';

const fromServer = (httpStatus: number, error: Record<string, unknown>) =>
  TRPCClientError.from({ error: { code: -32003, message: String(error.message), data: { code: 'FORBIDDEN', httpStatus, path: 'tokens.create', error } } });

describe('console error helpers', () => {
  it('shows the server’s message with its request id, and reads the status', () => {
    const error = fromServer(403, { code: 'forbidden', message: 'Viewers cannot change anything.', details: {}, request_id: 'req_123' });
    expect(errorMessage(error)).toBe('Viewers cannot change anything. (request req_123)');
    expect(errorStatus(error)).toBe(403);
    expect(errorMessage(new Error('offline'))).toBe('offline');
    expect(errorStatus(new Error('offline'))).toBeNull();
  });

  it('never retries a 4xx, retries network failures and 5xx twice', () => {
    const retry = queryClient.getDefaultOptions().queries!.retry as (count: number, error: unknown) => boolean;
    expect(retry(0, fromServer(401, { message: 'Sign in' }))).toBe(false);
    expect(retry(0, fromServer(404, { message: 'No such shop.' }))).toBe(false);
    expect(retry(0, fromServer(503, { message: 'down' }))).toBe(true);
    expect(retry(1, new Error('network'))).toBe(true);
    expect(retry(2, new Error('network'))).toBe(false);
  });
});
