import { and, eq, or, sql } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import { notFound } from '@sumeru/errors';

/**
 * The storefront names its signed-in customer by id (Sumeru's or the shop platform's, i.e. the
 * external_id) and email; both must belong to the same customer, so neither alone can fetch
 * someone else's referral link.
 */
export const findCustomerByIdAndEmail = async (tx: Tx, shopId: string, customerRef: string, email: string) => {
  const c = schema.customers;
  const [row] = await tx
    .select()
    .from(c)
    .where(and(eq(c.shopId, shopId), or(eq(c.id, customerRef), eq(c.externalId, customerRef)), eq(sql`lower(${c.email})`, email.toLowerCase())))
    .limit(1);
  if (!row) throw notFound('customer');
  return row;
};
