import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index';

describe('loadConfig', () => {
  it('runs embedded with defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.embedded).toBe(true);
    expect(config.PORT).toBe(3000);
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.TOKEN_CACHE_MS).toBeLessThanOrEqual(1000);
  });

  it('uses external services when their URLs are set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', REDIS_URL: 'redis://h:6379', PORT: '8080' });
    expect(config.embedded).toBe(false);
    expect(config.PORT).toBe(8080);
  });

  it('reports every problem at once, naming the variable', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', RATE_LIMIT_TIERS: '{"gold":{}}' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('RATE_LIMIT_TIERS');
    }
  });

  it('parses tier overrides', () => {
    const config = loadConfig({ RATE_LIMIT_TIERS: '{"free":{"limit":5}}' });
    expect(config.RATE_LIMIT_TIERS).toEqual({ free: { limit: 5 } });
  });

  it('demands a database and a shared secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SUMERU_SECRET/);
  });

  it('never lets production deliver webhooks to private targets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', SUMERU_SECRET: 's'.repeat(40), WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' })).toThrow(/WEBHOOKS_ALLOW_PRIVATE_TARGETS/);
    expect(loadConfig({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' }).WEBHOOKS_ALLOW_PRIVATE_TARGETS).toBe(true);
  });

  it('refuses a token cache longer than the one-second revocation promise', () => {
    expect(() => loadConfig({ TOKEN_CACHE_MS: '5000' })).toThrow(/TOKEN_CACHE_MS/);
  });
});
