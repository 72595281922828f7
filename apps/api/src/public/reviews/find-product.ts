import { eq } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import { notFound } from '@sumeru/errors';

/** Under the caller's shop's RLS: another shop's product id is not found, like a missing one. */
export const findProductOr404 = async (tx: Tx, productId: string) => {
  const [row] = await tx.select({ id: schema.products.id }).from(schema.products).where(eq(schema.products.id, productId)).limit(1);
  if (!row) throw notFound('product');
  return row;
};
