import { and, eq, isNull } from 'drizzle-orm';
import { generateSecret, type Scope } from '@sumeru/auth';
import { newId } from '@sumeru/domain';
import type { Database } from './client';
import { apiTokens, publishableKeys, shops, type TOKEN_TIERS } from './schema/index';
import { withShop, type Tx } from './tenant';

export type TokenTier = (typeof TOKEN_TIERS)[number];

export type IssuedToken = { id: string; token: string; prefix: string; lastFour: string };

/** Creates an admin API token; the secret exists only in the return value, the row keeps its hash. */
export const issueApiToken = async (
  tx: Tx,
  input: { shopId: string; agencyId: string; name: string; scopes: readonly Scope[]; tier: TokenTier },
): Promise<IssuedToken> => {
  const secret = generateSecret('admin_token');
  const id = newId('token');
  await tx.insert(apiTokens).values({
    id,
    agencyId: input.agencyId,
    shopId: input.shopId,
    name: input.name,
    tokenHash: secret.hash,
    prefix: secret.prefix,
    lastFour: secret.lastFour,
    scopes: [...input.scopes],
    tier: input.tier,
  });
  return { id, token: secret.secret, prefix: secret.prefix, lastFour: secret.lastFour };
};

/** Looks the shop up under RLS, so an unknown or foreign shop id is simply not found. */
export const findShop = async (db: Database, shopId: string) =>
  withShop(db, shopId, async (tx) => (await tx.select().from(shops).where(eq(shops.id, shopId)))[0] ?? null);

export const revokeApiToken = async (tx: Tx, tokenId: string): Promise<boolean> => {
  const rows = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
};

export const issuePublishableKey = async (tx: Tx, input: { shopId: string; agencyId: string; allowedOrigins?: string[] }) => {
  const secret = generateSecret('publishable_key');
  const id = newId('publishableKey');
  await tx.insert(publishableKeys).values({ id, agencyId: input.agencyId, shopId: input.shopId, key: secret.secret, allowedOrigins: input.allowedOrigins ?? [] });
  return { id, key: secret.secret };
};
