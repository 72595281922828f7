import { foreignKey, index, text, uniqueIndex, type PgColumn } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies, timestamps } from './columns';
import { shops } from './shops';

/** What every ingestion resource (the peer platform's catalogue) has: id, tenant, external id, times. */
export const ingestionColumns = () => ({
  id: text('id').primaryKey(),
  ...tenantColumns,
  externalId: text('external_id').notNull(),
  ...timestamps,
});

type IngestionTable = { id: PgColumn; shopId: PgColumn; agencyId: PgColumn; externalId: PgColumn; createdAt: PgColumn };

/** Upserts key on (shop, external id); lists page on (shop, created_at, id); RLS as everywhere. */
export const ingestionConstraints = (name: string, t: IngestionTable) => [
  uniqueIndex(`${name}_shop_external_key`).on(t.shopId, t.externalId),
  index(`${name}_shop_created_idx`).on(t.shopId, t.createdAt, t.id),
  foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
  ...tenantPolicies(name),
];
