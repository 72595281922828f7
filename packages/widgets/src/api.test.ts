import { describe, expect, it } from 'vitest';
import { failureOf } from './api';

describe('failureOf', () => {
  it('maps refusals, missing resources, validation, rate limits and the rest', () => {
    expect([401, 403, 404, 400, 422, 429, 500, 502].map(failureOf)).toEqual(['refused', 'refused', 'not_found', 'invalid', 'invalid', 'rate_limited', 'error', 'error']);
  });
});
