import { eq } from 'drizzle-orm';
import { checkSecretFormat, hashSecret, safeEqual } from '@sumeru/auth';
import { schema, withTenant, type Database } from '@sumeru/db';
import { AppError } from '@sumeru/errors';
import { isTierName } from '@sumeru/rate-limit';
import type { AuthedToken } from '../http/request-context';

export type TokenAuthenticator = { authenticate: (authorization: string | undefined) => Promise<AuthedToken>; clear: () => void };

const unauthenticated = (message: string) => new AppError('unauthenticated', message, { headers: { 'WWW-Authenticate': 'Bearer realm="sumeru"' } });

type CacheEntry = { token: AuthedToken | null; expiresAt: number };

/**
 * Bearer `copt_live_…` tokens. The checksum is verified before any lookup, so random strings
 * never reach the database. Lookups (found or not) are cached for at most `cacheMs` (≤ 1 s),
 * which bounds how long a revoked token keeps working on any replica.
 */
export const createTokenAuthenticator = (db: Database, cacheMs: number): TokenAuthenticator => {
  const cache = new Map<string, CacheEntry>();

  const lookup = async (hash: string): Promise<AuthedToken | null> => {
    const [row] = await withTenant(db, { tokenHash: hash }, (tx) =>
      tx.select().from(schema.apiTokens).where(eq(schema.apiTokens.tokenHash, hash)).limit(1),
    );
    if (!row || !safeEqual(row.tokenHash, hash) || row.revokedAt) return null;
    return { id: row.id, shopId: row.shopId, agencyId: row.agencyId, scopes: row.scopes, tier: isTierName(row.tier) ? row.tier : 'free' };
  };

  return {
    clear: () => cache.clear(),
    authenticate: async (authorization) => {
      if (!authorization) throw unauthenticated('Send an API token as `Authorization: Bearer copt_live_…`.');
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) throw unauthenticated('The Authorization header must be `Bearer <token>`.');
      const secret = match[1]!;
      const kind = checkSecretFormat(secret);
      if (kind === 'publishable_key') throw unauthenticated('Publishable keys (pk_…) only work on /api/public; use an admin token (copt_…).');
      if (kind !== 'admin_token') throw unauthenticated('The API token is malformed.');
      const hash = hashSecret(secret);
      const now = Date.now();
      let entry = cache.get(hash);
      if (!entry || entry.expiresAt <= now) {
        entry = { token: await lookup(hash), expiresAt: now + cacheMs };
        if (cacheMs > 0) {
          if (cache.size > 10_000) cache.clear();
          cache.set(hash, entry);
        }
      }
      if (!entry.token) throw unauthenticated('The API token is invalid or has been revoked.');
      return entry.token;
    },
  };
};
