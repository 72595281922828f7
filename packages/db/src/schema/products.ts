import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { money, tenantColumns, tenantPolicies, timestamps } from './columns';
import { shops } from './shops';

export const PRODUCT_STATUSES = ['active', 'draft', 'archived'] as const;

export const products = pgTable(
  'products',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    externalId: text('external_id'),
    title: text('title').notNull(),
    handle: text('handle').notNull(),
    description: text('description'),
    vendor: text('vendor'),
    productType: text('product_type'),
    status: text('status', { enum: PRODUCT_STATUSES }).notNull().default('active'),
    sku: text('sku'),
    price: money('price').notNull(),
    currency: text('currency').notNull().default('EUR'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    ...timestamps,
  },
  (t) => [
    unique('products_shop_id_key').on(t.shopId, t.id),
    uniqueIndex('products_shop_external_key').on(t.shopId, t.externalId),
    uniqueIndex('products_shop_handle_key').on(t.shopId, t.handle),
    index('products_shop_created_idx').on(t.shopId, t.createdAt, t.id),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('products'),
  ],
);

export const inventoryLevels = pgTable(
  'inventory_levels',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    productId: text('product_id').notNull(),
    sku: text('sku').notNull(),
    location: text('location').notNull().default('default'),
    quantity: integer('quantity').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('inventory_levels_shop_sku_location_key').on(t.shopId, t.sku, t.location),
    index('inventory_levels_shop_product_idx').on(t.shopId, t.productId),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    foreignKey({ columns: [t.shopId, t.productId], foreignColumns: [products.shopId, products.id] }).onDelete('cascade'),
    ...tenantPolicies('inventory_levels'),
  ],
);
