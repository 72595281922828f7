import { pgTable, text } from 'drizzle-orm/pg-core';
import { ingestionColumns, ingestionConstraints } from './ingestion-columns';

export const customerGroups = pgTable(
  'customer_groups',
  {
    ...ingestionColumns(),
    name: text('name').notNull(),
    description: text('description'),
  },
  (t) => ingestionConstraints('customer_groups', t),
);
