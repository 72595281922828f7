import { eq } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import { notFound } from '@sumeru/errors';

/** RLS already limits the row to the token's shop; another shop's id is simply not found. */
export const findProductOr404 = async (tx: Tx, id: string) => {
  const [row] = await tx.select().from(schema.products).where(eq(schema.products.id, id)).limit(1);
  if (!row) throw notFound('product');
  return row;
};
