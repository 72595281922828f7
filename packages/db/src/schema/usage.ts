import { date, foreignKey, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies } from './columns';
import { shops } from './shops';

/**
 * Request counts per shop, token, UTC day and route. Written in batches by the usage
 * recorder (never per request), so increments are additive across replicas.
 */
export const usageCounters = pgTable(
  'usage_counters',
  {
    ...tenantColumns,
    tokenId: text('token_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    route: text('route').notNull(),
    requests: integer('requests').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    rateLimited: integer('rate_limited').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.day, t.tokenId, t.route] }),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('usage_counters'),
  ],
);
