import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, isErrorCode, statusOf, toEnvelope, validationError } from './index';

describe('error codes', () => {
  it('maps each code of DESIGN.md to its HTTP status', () => {
    expect(statusOf('unauthenticated')).toBe(401);
    expect(statusOf('forbidden')).toBe(403);
    expect(statusOf('not_found')).toBe(404);
    expect(statusOf('validation_failed')).toBe(422);
    expect(statusOf('idempotency_conflict')).toBe(409);
    expect(statusOf('conflict')).toBe(409);
    expect(statusOf('rate_limited')).toBe(429);
    expect(statusOf('bad_request')).toBe(400);
    expect(statusOf('payload_too_large')).toBe(413);
    expect(statusOf('method_not_allowed')).toBe(405);
    expect(statusOf('internal_error')).toBe(500);
    expect(statusOf('service_unavailable')).toBe(503);
  });

  it('has a client-facing default message for every code', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(entry.message.length, code).toBeGreaterThan(5);
    }
  });

  it('recognises only known codes', () => {
    expect(isErrorCode('rate_limited')).toBe(true);
    expect(isErrorCode('teapot')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('toEnvelope', () => {
  it('serialises an AppError with its details and the request id', () => {
    const { status, body } = toEnvelope(validationError('email', 'email format invalid', { value: 'x' }), 'req_1');
    expect(status).toBe(422);
    expect(body).toEqual({
      error: { code: 'validation_failed', message: 'email format invalid', details: { field: 'email', value: 'x' }, request_id: 'req_1' },
    });
  });

  it('never echoes the message of an unknown error', () => {
    const { status, body } = toEnvelope(new Error('relation "customers" does not exist at /srv/app.js:1'), 'req_2');
    expect(status).toBe(500);
    expect(body.error.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toContain('customers');
    expect(JSON.stringify(body)).not.toContain('/srv');
  });

  it('keeps the internal message out of the envelope', () => {
    const err = new AppError('forbidden', 'Missing scope orders:read', { details: { missing_scope: 'orders:read' }, internalMessage: 'token tok_1 scopes [customers:read]' });
    expect(JSON.stringify(toEnvelope(err, 'req_3').body)).not.toContain('tok_1');
  });
});
