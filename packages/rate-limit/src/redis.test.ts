import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createRedisClient, createRedisRateLimiter } from './index';
import type { RateLimiter, TierPolicy } from './index';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.warn('REDIS_URL is not set: Redis rate-limit tests not run');

const policy: TierPolicy = { name: 'test', limit: 3, windowSeconds: 60 };

function waitForReady(client: Redis, timeoutMs = 5_000): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis not ready after ${timeoutMs} ms (${client.status})`)), timeoutMs);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function consumeTimes(limiter: RateLimiter, key: string, times: number, p = policy) {
  const decisions = [];
  for (let i = 0; i < times; i++) decisions.push(await limiter.consume(key, p));
  return decisions;
}

describe.skipIf(!redisUrl)('redis limiter (needs REDIS_URL)', () => {
  // A fresh namespace per run, so parallel or repeated runs never see each other's counters.
  const keyPrefix = `sumeru-test:${randomBytes(6).toString('hex')}`;
  const limiters: RateLimiter[] = [];
  const admin = redisUrl ? createRedisClient(redisUrl) : undefined;

  async function openReplica(url = redisUrl as string, extra: { onFallback?: (err: unknown) => void; degradedForSeconds?: number } = {}) {
    const client = createRedisClient(url);
    const limiter = createRedisRateLimiter({ redis: client, keyPrefix, ...extra });
    limiters.push(limiter);
    return { client, limiter };
  }

  afterAll(async () => {
    await Promise.all(limiters.map((l) => l.close()));
    if (!admin) return;
    await waitForReady(admin);
    const keys = await admin.keys(`${keyPrefix}:*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });

  it('shares one counter between two replicas', async () => {
    const a = await openReplica();
    const b = await openReplica();
    await Promise.all([waitForReady(a.client), waitForReady(b.client)]);

    const first = await a.limiter.consume('tok_shared', policy);
    const second = await b.limiter.consume('tok_shared', policy);
    const third = await a.limiter.consume('tok_shared', policy);
    const fourth = await b.limiter.consume('tok_shared', policy);

    expect([first, second, third, fourth].map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect([first, second, third].map((d) => d.remaining)).toEqual([2, 1, 0]);
    expect(fourth.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(Math.abs(fourth.resetAt - first.resetAt)).toBeLessThanOrEqual(1);
    expect(a.limiter.health()).toEqual({ status: 'ok' });
    expect(a.limiter.backend).toBe('redis');

    // The counter really lives in Redis, under the run's prefix, with the window as its TTL.
    const key = `${keyPrefix}:test:3:60:tok_shared`;
    expect(await a.client.get(key)).toBe('4');
    const ttl = await a.client.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('keeps keys and policies independent', async () => {
    const { client, limiter } = await openReplica();
    await waitForReady(client);
    await consumeTimes(limiter, 'tok_x', 3);
    expect((await limiter.consume('tok_x', policy)).allowed).toBe(false);
    expect((await limiter.consume('tok_y', policy)).allowed).toBe(true);
    expect((await limiter.consume('tok_x', { name: 'other', limit: 5, windowSeconds: 60 })).allowed).toBe(true);
  });

  it('answers from the local fallback when Redis is unreachable, and says so', async () => {
    const onFallback = vi.fn();
    const { limiter } = await openReplica('redis://127.0.0.1:1', { onFallback });

    const started = Date.now();
    const decisions = await consumeTimes(limiter, 'tok_down', 4);
    expect(Date.now() - started).toBeLessThan(2_000);

    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3]!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    const health = limiter.health();
    expect(health.status).toBe('degraded');
    expect(health.detail).toMatch(/Redis connection is/);
    // Throttled: four fallbacks in a row produce one notice.
    expect(onFallback).toHaveBeenCalledTimes(1);
    expect(String(onFallback.mock.calls[0]![0])).toMatch(/local fallback limiter/);
  });

  it('falls back when Redis drops after start-up and recovers when it returns', async () => {
    const onFallback = vi.fn();
    const peer = await openReplica();
    const { client, limiter } = await openReplica(redisUrl, { onFallback, degradedForSeconds: 0.2 });
    await Promise.all([waitForReady(client), waitForReady(peer.client)]);

    expect((await limiter.consume('tok_flaky', policy)).remaining).toBe(2);
    const ended = new Promise((resolve) => client.once('end', resolve));
    client.disconnect();
    const local = await consumeTimes(limiter, 'tok_flaky', 4);
    // Local counting starts from zero: the fallback enforces the limit per replica.
    expect(local.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(limiter.health().status).toBe('degraded');
    expect(onFallback).toHaveBeenCalledTimes(1);

    await ended;
    await client.connect();
    await waitForReady(client);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(limiter.health()).toEqual({ status: 'ok' });
    // Back on the shared counter: the peer's and this replica's requests add up again.
    expect((await peer.limiter.consume('tok_flaky', policy)).remaining).toBe(1);
    expect((await limiter.consume('tok_flaky', policy)).remaining).toBe(0);
  });
});
