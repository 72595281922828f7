import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter, rateLimitHeaders } from './index';
import type { TierPolicy } from './index';

const policy: TierPolicy = { name: 'test', limit: 3, windowSeconds: 60 };

describe('memory rate limiter', () => {
  it('allows `limit` requests, then refuses with Retry-After >= 1', async () => {
    const limiter = createMemoryRateLimiter();
    const before = Math.floor(Date.now() / 1000);
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.consume('tok_a', policy));

    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    const refused = decisions[3]!;
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.limit).toBe(3);
    expect(refused.resetAt).toBeGreaterThan(before);
    expect(refused.resetAt).toBeLessThanOrEqual(before + 61);
    expect(decisions[0]!.retryAfterSeconds).toBeNull();
    await limiter.close();
  });

  it('counts keys independently', async () => {
    const limiter = createMemoryRateLimiter();
    for (let i = 0; i < 3; i++) await limiter.consume('tok_a', policy);
    expect((await limiter.consume('tok_a', policy)).allowed).toBe(false);
    expect((await limiter.consume('tok_b', policy)).allowed).toBe(true);
  });

  it('counts different policies independently for the same key', async () => {
    const limiter = createMemoryRateLimiter();
    const other: TierPolicy = { name: 'other', limit: 1, windowSeconds: 60 };
    for (let i = 0; i < 3; i++) await limiter.consume('tok_a', policy);
    expect((await limiter.consume('tok_a', policy)).allowed).toBe(false);
    expect((await limiter.consume('tok_a', other)).allowed).toBe(true);
    expect((await limiter.consume('tok_a', other)).allowed).toBe(false);
    // Same name, different limit: a tier reconfiguration must not reuse the old counter.
    expect((await limiter.consume('tok_a', { ...policy, limit: 10 })).allowed).toBe(true);
  });

  it('starts a new window after windowSeconds', async () => {
    const limiter = createMemoryRateLimiter();
    const short: TierPolicy = { name: 'short', limit: 1, windowSeconds: 1 };
    expect((await limiter.consume('tok_a', short)).allowed).toBe(true);
    const refused = await limiter.consume('tok_a', short);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await limiter.consume('tok_a', short)).allowed).toBe(true);
  });

  it('produces matching headers for allowed and refused requests', async () => {
    const limiter = createMemoryRateLimiter();
    const first = await limiter.consume('tok_h', policy);
    const allowedHeaders = rateLimitHeaders(first);
    expect(allowedHeaders).toEqual({
      'X-RateLimit-Limit': '3',
      'X-RateLimit-Remaining': '2',
      'X-RateLimit-Reset': String(first.resetAt),
      'RateLimit-Policy': '"test";q=3;w=60',
      RateLimit: `"test";r=2;t=${first.resetSeconds}`,
    });
    expect(first.resetSeconds).toBeGreaterThan(0);
    expect(first.resetSeconds).toBeLessThanOrEqual(60);

    await limiter.consume('tok_h', policy);
    await limiter.consume('tok_h', policy);
    const refused = await limiter.consume('tok_h', policy);
    const refusedHeaders = rateLimitHeaders(refused);
    expect(refusedHeaders['X-RateLimit-Remaining']).toBe('0');
    expect(refusedHeaders['Retry-After']).toBe(String(refused.retryAfterSeconds));
    expect(Number(refusedHeaders['Retry-After'])).toBeGreaterThanOrEqual(1);
  });

  it('reports healthy', () => {
    const limiter = createMemoryRateLimiter();
    expect(limiter.backend).toBe('memory');
    expect(limiter.health()).toEqual({ status: 'ok' });
  });
});
