import { z } from 'zod';
import { schema } from '@sumeru/db';
import { ZTags } from '@sumeru/domain';
import { createSerializer } from '../../listing/serialize';
import type { ResourceSpec } from '../../listing/resource-spec';

const c = schema.customers;
// Every customer attribute is optional: a profile can start from an email, a phone or an id alone.
const nullableText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

export const customerSpec: ResourceSpec = {
  type: 'customer',
  table: c,
  id: c.id,
  shop: c.shopId,
  defaultSort: '-created_at',
  attributes: {
    email: { column: c.email, kind: 'string', filter: true, sort: true, write: z.email().max(254).transform((e) => e.toLowerCase()).nullable().optional() },
    external_id: { column: c.externalId, kind: 'string', filter: true },
    first_name: { column: c.firstName, kind: 'string', write: nullableText(100) },
    last_name: { column: c.lastName, kind: 'string', sort: true, write: nullableText(100) },
    phone: { column: c.phone, kind: 'string', write: z.string().regex(/^\+?[0-9 ()-]{6,20}$/, 'phone must be digits, optionally starting with +').nullable().optional() },
    lifecycle_stage: { column: c.lifecycleStage, kind: 'string', filter: true, sort: true },
    tags: { column: c.tags, kind: 'string[]', filter: true, write: ZTags.optional() },
    accepts_marketing: { column: c.acceptsMarketing, kind: 'boolean', filter: true, write: z.boolean().optional() },
    currency: { column: c.currency, kind: 'string' },
    total_spent: { column: c.totalSpent, kind: 'money', filter: 'range', sort: true },
    orders_count: { column: c.ordersCount, kind: 'integer', filter: 'range', sort: true },
    last_order_at: { column: c.lastOrderAt, kind: 'datetime', filter: 'range', sort: true },
    created_at: { column: c.createdAt, kind: 'datetime', filter: 'range', sort: true },
    updated_at: { column: c.updatedAt, kind: 'datetime', filter: 'range', sort: true },
  },
};

export const CUSTOMER_INCLUDES = ['orders', 'attributions'] as const;

export const serializeCustomer = createSerializer(customerSpec);

/** Attribute names → drizzle update keys, for PATCH. */
export const CUSTOMER_WRITE_COLUMNS: Record<string, keyof typeof c.$inferInsert> = {
  email: 'email',
  first_name: 'firstName',
  last_name: 'lastName',
  phone: 'phone',
  tags: 'tags',
  accepts_marketing: 'acceptsMarketing',
};
