import { and, eq, isNull } from 'drizzle-orm';
import { checkSecretFormat, safeEqual } from '@sumeru/auth';
import { schema, withShop, withTenant, type Database } from '@sumeru/db';
import { isIdOf } from '@sumeru/domain';
import { AppError } from '@sumeru/errors';

/** Who a storefront request speaks for: one shop, by its publishable key or an allow-listed Origin. */
export type PublicCaller = {
  shopId: string;
  agencyId: string;
  /** The publishable key's id; null when the shop was named by `?shop=` and the Origin allowed. */
  keyId: string | null;
  /** The Origin to echo in Access-Control-Allow-Origin; null for server-side callers. */
  origin: string | null;
};

export type Credentials = { key: string | undefined; shop: string | undefined; origin: string | undefined };

type KeyRow = { id: string; shopId: string; agencyId: string; allowedOrigins: string[] };
type ShopOrigins = { agencyId: string; origins: Set<string> } | null;

const unauthenticated = (message: string) => new AppError('unauthenticated', message);

/**
 * `allowed_origins` entries are origins (`https://shop.example`); compared after the same
 * normalisation as the browser's Origin header (lower-case scheme and host, no trailing slash).
 */
export const normaliseOrigin = (origin: string): string => origin.trim().replace(/\/+$/, '').toLowerCase();

const originAllowed = (list: Iterable<string>, origin: string): boolean => {
  const wanted = normaliseOrigin(origin);
  for (const entry of list) if (normaliseOrigin(entry) === wanted) return true;
  return false;
};

/**
 * Resolves storefront credentials to a shop. Rules, in order:
 * 1. A publishable key (`X-Sumeru-Key` or `?key=`): checksum first (random strings never reach
 *    the database), then the key row under RLS (`app.publishable_key`). A key with a non-empty
 *    `allowed_origins` only works from those origins when the browser sends an Origin; an empty
 *    list means any origin (the key is public by design, like Stripe's).
 * 2. No key: `?shop=shp_…` names the shop and the Origin must be on the allow-list of one of
 *    the shop's active keys.
 * Lookups, found or not, are cached for at most `cacheMs` (≤ 1 s) so a revoked key or a
 * removed origin stops working within that time on every replica.
 */
export const createPublicAuthenticator = (db: Database, cacheMs: number) => {
  const keys = new Map<string, { row: KeyRow | null; expiresAt: number }>();
  const shops = new Map<string, { value: ShopOrigins; expiresAt: number }>();
  // Bounded: a flood of distinct (valid-checksum) keys or shop ids cannot grow memory without limit.
  const MAX_ENTRIES = 10_000;

  const findKey = async (key: string): Promise<KeyRow | null> => {
    const now = Date.now();
    const cached = keys.get(key);
    if (cached && cached.expiresAt > now) return cached.row;
    const [row] = await withTenant(db, { publishableKey: key }, (tx) =>
      tx.select().from(schema.publishableKeys).where(eq(schema.publishableKeys.key, key)).limit(1),
    );
    const found = row && safeEqual(row.key, key) && !row.revokedAt ? { id: row.id, shopId: row.shopId, agencyId: row.agencyId, allowedOrigins: row.allowedOrigins } : null;
    if (cacheMs > 0) {
      if (keys.size > MAX_ENTRIES) keys.clear();
      keys.set(key, { row: found, expiresAt: now + cacheMs });
    }
    return found;
  };

  const findShopOrigins = async (shopId: string): Promise<ShopOrigins> => {
    const now = Date.now();
    const cached = shops.get(shopId);
    if (cached && cached.expiresAt > now) return cached.value;
    const rows = await withShop(db, shopId, (tx) =>
      tx
        .select({ agencyId: schema.publishableKeys.agencyId, allowedOrigins: schema.publishableKeys.allowedOrigins })
        .from(schema.publishableKeys)
        .where(and(eq(schema.publishableKeys.shopId, shopId), isNull(schema.publishableKeys.revokedAt))),
    );
    const value = rows.length === 0 ? null : { agencyId: rows[0]!.agencyId, origins: new Set(rows.flatMap((r) => r.allowedOrigins)) };
    if (cacheMs > 0) {
      if (shops.size > MAX_ENTRIES) shops.clear();
      shops.set(shopId, { value, expiresAt: now + cacheMs });
    }
    return value;
  };

  const byKey = async (key: string, origin: string | undefined): Promise<PublicCaller> => {
    if (checkSecretFormat(key) !== 'publishable_key') throw unauthenticated('The publishable key is malformed; it looks like pk_live_….');
    const row = await findKey(key);
    if (!row) throw unauthenticated('The publishable key is invalid or has been revoked.');
    if (origin !== undefined && row.allowedOrigins.length > 0 && !originAllowed(row.allowedOrigins, origin)) {
      throw new AppError('forbidden', 'This origin is not on the publishable key’s allow-list.', { details: { origin } });
    }
    return { shopId: row.shopId, agencyId: row.agencyId, keyId: row.id, origin: origin ?? null };
  };

  const byOrigin = async (shop: string | undefined, origin: string | undefined): Promise<PublicCaller> => {
    if (shop === undefined || origin === undefined) {
      throw unauthenticated('Send a publishable key (X-Sumeru-Key header or ?key=pk_live_…), or call from an allow-listed origin naming ?shop=shp_….');
    }
    const value = isIdOf('shop', shop) ? await findShopOrigins(shop) : null;
    if (!value || !originAllowed(value.origins, origin)) throw unauthenticated('This origin is not allowed for that shop; send a publishable key.');
    return { shopId: shop, agencyId: value.agencyId, keyId: null, origin };
  };

  return {
    authenticate: (c: Credentials): Promise<PublicCaller> => (c.key !== undefined ? byKey(c.key, c.origin) : byOrigin(c.shop, c.origin)),
    clear: () => {
      keys.clear();
      shops.clear();
    },
  };
};

export type PublicAuthenticator = ReturnType<typeof createPublicAuthenticator>;
