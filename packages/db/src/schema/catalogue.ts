import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { ingestionColumns, ingestionConstraints } from './ingestion-columns';

export const productCategories = pgTable(
  'product_categories',
  {
    ...ingestionColumns(),
    name: text('name').notNull(),
    description: text('description'),
    parentExternalId: text('parent_external_id'),
    position: integer('position').notNull().default(0),
  },
  (t) => ingestionConstraints('product_categories', t),
);

export const manufacturers = pgTable(
  'manufacturers',
  {
    ...ingestionColumns(),
    name: text('name').notNull(),
    website: text('website'),
  },
  (t) => ingestionConstraints('manufacturers', t),
);
