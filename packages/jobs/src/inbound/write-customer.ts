import { sql } from 'drizzle-orm';
import { recordEvent, schema, type Tx } from '@sumeru/db';
import { newId } from '@sumeru/domain';
import { customerData } from './event-data';
import type { CustomerInput } from './inputs';

export type Tenant = { agencyId: string; shopId: string };

const c = schema.customers;

/**
 * Creates or updates a customer by external id in one statement (`xmax = 0` tells an insert
 * from an update). Only the fields the input carries are written on update. `announce`:
 * `always` records customer.created or customer.updated; `created` only announces new customers
 * (an order's customer is not "updated" by every order).
 */
export const upsertCustomer = async (tx: Tx, tenant: Tenant, input: CustomerInput, announce: 'always' | 'created'): Promise<{ id: string; created: boolean }> => {
  const fields: Partial<typeof c.$inferInsert> = {};
  if (input.email !== undefined) fields.email = input.email;
  if (input.firstName !== undefined) fields.firstName = input.firstName;
  if (input.lastName !== undefined) fields.lastName = input.lastName;
  if (input.phone !== undefined) fields.phone = input.phone;
  if (input.tags !== undefined) fields.tags = input.tags;
  if (input.acceptsMarketing !== undefined) fields.acceptsMarketing = input.acceptsMarketing;
  const [row] = await tx
    .insert(c)
    .values({ id: newId('customer'), ...tenant, externalId: input.externalId, ...fields, ...(input.currency ? { currency: input.currency } : {}) })
    .onConflictDoUpdate({ target: [c.shopId, c.externalId], set: { ...fields, updatedAt: sql`now()` } })
    .returning({ id: c.id, created: sql<boolean>`(xmax = 0)` });
  const created = row!.created;
  if (created || announce === 'always') {
    const [written] = await tx.select().from(c).where(sql`${c.shopId} = ${tenant.shopId} and ${c.id} = ${row!.id}`);
    await recordEvent(tx, tenant, created ? 'customer.created' : 'customer.updated', customerData(written!));
  }
  return { id: row!.id, created };
};
