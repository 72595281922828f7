import { describe, expect, it } from 'vitest';
import { DEFAULT_TIERS, isTierName, resolveTiers } from './index';

describe('tiers', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_TIERS).toEqual({
      free: { name: 'free', limit: 60, windowSeconds: 60 },
      pro: { name: 'pro', limit: 600, windowSeconds: 60 },
      enterprise: { name: 'enterprise', limit: 6000, windowSeconds: 60 },
    });
  });

  it('returns the defaults without overrides', () => {
    expect(resolveTiers()).toEqual(DEFAULT_TIERS);
  });

  it('merges partial overrides field by field', () => {
    const tiers = resolveTiers({ free: { limit: 10 }, enterprise: { windowSeconds: 1 } });
    expect(tiers.free).toEqual({ name: 'free', limit: 10, windowSeconds: 60 });
    expect(tiers.pro).toEqual(DEFAULT_TIERS.pro);
    expect(tiers.enterprise).toEqual({ name: 'enterprise', limit: 6000, windowSeconds: 1 });
  });

  it('does not mutate the defaults', () => {
    resolveTiers({ pro: { limit: 1 } });
    expect(DEFAULT_TIERS.pro.limit).toBe(600);
  });

  it.each([0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects limit %s with a clear error', (limit) => {
    expect(() => resolveTiers({ pro: { limit } })).toThrow(/pro\.limit must be a positive integer/);
  });

  it('rejects a bad window and an unknown tier', () => {
    expect(() => resolveTiers({ free: { windowSeconds: 0 } })).toThrow(/free\.windowSeconds/);
    expect(() => resolveTiers({ gold: { limit: 1 } } as never)).toThrow(/Unknown rate-limit tier "gold"/);
  });

  it('recognises tier names', () => {
    expect(isTierName('pro')).toBe(true);
    expect(isTierName('gold')).toBe(false);
    expect(isTierName(undefined)).toBe(false);
  });
});
