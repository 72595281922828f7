import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies, timestamps } from './columns';
import { shops } from './shops';

export const TOKEN_TIERS = ['free', 'pro', 'enterprise'] as const;

/** Admin API tokens (`copt_live_…`). Only the SHA-256 of the secret is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    lastFour: text('last_four').notNull(),
    scopes: text('scopes').array().notNull(),
    tier: text('tier', { enum: TOKEN_TIERS }).notNull().default('free'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    index('api_tokens_shop_idx').on(t.shopId, t.createdAt),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    // Authentication finds a token by the hash of the presented secret before the shop is known:
    // only a caller holding the secret can name that hash.
    ...tenantPolicies('api_tokens', sql`token_hash = nullif(current_setting('app.token_hash', true), '')`),
  ],
);

/** Publishable keys (`pk_live_…`) are public by design (they ship in storefront pages). */
export const publishableKeys = pgTable(
  'publishable_keys',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    key: text('key').notNull(),
    allowedOrigins: text('allowed_origins').array().notNull().default(sql`'{}'::text[]`),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('publishable_keys_key_key').on(t.key),
    index('publishable_keys_shop_idx').on(t.shopId),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('publishable_keys', sql`key = nullif(current_setting('app.publishable_key', true), '')`),
  ],
);
