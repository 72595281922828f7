import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies } from './columns';
import { shops } from './shops';

/** A completed idempotent request: committed in the same transaction as its side effect. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    ...tenantColumns,
    tokenId: text('token_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.tokenId, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('idempotency_keys'),
  ],
);
