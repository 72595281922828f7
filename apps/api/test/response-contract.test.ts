import { describe, expect, it } from 'vitest';
import { contractViolation } from './helpers/response-contract';

// call() (helpers/test-api.ts) runs this on every /api/v1 response of every integration test.
describe('the response contract check', () => {
  const envelope = { error: { code: 'not_found', message: 'No such customer.', details: {}, request_id: 'req_abc' } };

  it('accepts documented statuses with documented bodies, on both path prefixes', () => {
    expect(contractViolation('GET', '/api/v1/customers?limit=1', 200, { data: [], pagination: { next_cursor: null, has_next: false } })).toBeNull();
    expect(contractViolation('GET', '/v1/customers/cus_x', 404, envelope)).toBeNull();
    expect(contractViolation('DELETE', '/api/v1/vouchers/vch_x', 204, undefined)).toBeNull();
  });

  it('flags a body that does not match the schema', () => {
    expect(contractViolation('GET', '/api/v1/customers', 200, { data: 'nope' })).toMatch(/GET \/customers 200/);
    expect(contractViolation('GET', '/api/v1/customers/cus_x', 404, { message: 'not found' })).toMatch(/404/);
  });

  it('flags a status the operation does not document', () => {
    expect(contractViolation('GET', '/api/v1/customers', 418, envelope)).toMatch(/does not list/);
  });

  it('matches literal segments before parameters', () => {
    expect(contractViolation('POST', '/api/v1/webhook-endpoints/whe_x/deliveries/replay', 202, { data: { replayed_count: 0, delivery_ids: [] } })).toBeNull();
  });

  it('checks the storefront surface against the public document', () => {
    expect(contractViolation('POST', '/api/public/events?key=pk_live_x', 202, { data: 'nope' })).toMatch(/POST \/events 202/);
    expect(contractViolation('POST', '/api/public/events', 418, envelope)).toMatch(/does not list/);
  });

  it('leaves other surfaces and unknown routes to their own tests', () => {
    expect(contractViolation('GET', '/healthz', 200, { status: 'ok' })).toBeNull();
    expect(contractViolation('GET', '/api/v1/no-such-thing', 404, envelope)).toBeNull();
  });
});
