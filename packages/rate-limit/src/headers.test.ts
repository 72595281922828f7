import { describe, expect, it } from 'vitest';
import { rateLimitHeaders } from './index';
import type { RateLimitDecision } from './index';

const base: RateLimitDecision = {
  allowed: true,
  limit: 600,
  remaining: 599,
  resetAt: 1_700_000_060,
  resetSeconds: 60,
  retryAfterSeconds: null,
  policy: { name: 'pro', limit: 600, windowSeconds: 60 },
};

describe('rateLimitHeaders', () => {
  it('emits the legacy and IETF headers without Retry-After when allowed', () => {
    expect(rateLimitHeaders(base)).toEqual({
      'X-RateLimit-Limit': '600',
      'X-RateLimit-Remaining': '599',
      'X-RateLimit-Reset': '1700000060',
      'RateLimit-Policy': '"pro";q=600;w=60',
      RateLimit: '"pro";r=599;t=60',
    });
  });

  it('adds Retry-After when refused', () => {
    const headers = rateLimitHeaders({ ...base, allowed: false, remaining: 0, resetSeconds: 12, retryAfterSeconds: 12 });
    expect(headers['Retry-After']).toBe('12');
    expect(headers.RateLimit).toBe('"pro";r=0;t=12');
  });

  it('escapes policy names into a valid structured-field string', () => {
    const headers = rateLimitHeaders({ ...base, policy: { ...base.policy, name: 'a"b\\c\u00e9' } });
    expect(headers['RateLimit-Policy']).toBe('"a\\"b\\\\c";q=600;w=60');
  });
});
