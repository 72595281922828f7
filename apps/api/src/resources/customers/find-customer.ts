import { eq } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import { notFound } from '@sumeru/errors';

/** RLS already limits the row to the token's shop; another shop's id is simply not found. */
export const findCustomerOr404 = async (tx: Tx, id: string) => {
  const [row] = await tx.select().from(schema.customers).where(eq(schema.customers.id, id)).limit(1);
  if (!row) throw notFound('customer');
  return row;
};
