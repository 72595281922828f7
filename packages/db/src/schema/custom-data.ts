import { foreignKey, index, jsonb, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import type { CustomField } from '@sumeru/domain';
import { tenantColumns, tenantPolicies, timestamps } from './columns';
import { ingestionColumns, ingestionConstraints } from './ingestion-columns';
import { shops } from './shops';

/** A shop-defined record type (e.g. "loyalty card", "subscription") and its typed fields. */
export const customDataDefinitions = pgTable(
  'custom_data_definitions',
  {
    ...ingestionColumns(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    fields: jsonb('fields').$type<CustomField[]>().notNull(),
  },
  (t) => [...ingestionConstraints('custom_data_definitions', t), unique('custom_data_definitions_shop_id_key').on(t.shopId, t.id), uniqueIndex('custom_data_definitions_shop_key_key').on(t.shopId, t.key)],
);

export const customDataRecords = pgTable(
  'custom_data_records',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    definitionId: text('definition_id').notNull(),
    externalId: text('external_id').notNull(),
    customerExternalId: text('customer_external_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('custom_data_records_shop_definition_external_key').on(t.shopId, t.definitionId, t.externalId),
    index('custom_data_records_shop_definition_idx').on(t.shopId, t.definitionId, t.id),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    foreignKey({ columns: [t.shopId, t.definitionId], foreignColumns: [customDataDefinitions.shopId, customDataDefinitions.id] }).onDelete('cascade'),
    ...tenantPolicies('custom_data_records'),
  ],
);
