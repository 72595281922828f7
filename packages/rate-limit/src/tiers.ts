export type TierName = 'free' | 'pro' | 'enterprise';

/** A fixed-window limit: `limit` requests per `windowSeconds`, per key. */
export type TierPolicy = { name: string; limit: number; windowSeconds: number };

export type TierOverrides = Partial<Record<TierName, { limit?: number; windowSeconds?: number }>>;

const TIER_NAMES: readonly TierName[] = ['free', 'pro', 'enterprise'];

export const DEFAULT_TIERS: Readonly<Record<TierName, TierPolicy>> = Object.freeze({
  free: { name: 'free', limit: 60, windowSeconds: 60 },
  pro: { name: 'pro', limit: 600, windowSeconds: 60 },
  enterprise: { name: 'enterprise', limit: 6000, windowSeconds: 60 },
});

export function isTierName(value: unknown): value is TierName {
  return typeof value === 'string' && (TIER_NAMES as readonly string[]).includes(value);
}

/** The default tiers with `overrides` applied; throws naming the bad field if one is invalid. */
export function resolveTiers(overrides: TierOverrides = {}): Record<TierName, TierPolicy> {
  for (const key of Object.keys(overrides)) {
    if (!isTierName(key)) throw new Error(`Unknown rate-limit tier "${key}" (expected ${TIER_NAMES.join(', ')})`);
  }
  const entries = TIER_NAMES.map((name): [TierName, TierPolicy] => {
    const base = DEFAULT_TIERS[name];
    const override = overrides[name] ?? {};
    const limit = override.limit ?? base.limit;
    const windowSeconds = override.windowSeconds ?? base.windowSeconds;
    assertPositiveInteger(limit, `${name}.limit`);
    assertPositiveInteger(windowSeconds, `${name}.windowSeconds`);
    return [name, { name, limit, windowSeconds }];
  });
  return Object.fromEntries(entries) as Record<TierName, TierPolicy>;
}

function assertPositiveInteger(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`Rate-limit tier ${field} must be a positive integer, got ${JSON.stringify(value)}`);
  }
}
