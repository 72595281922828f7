import { expect } from 'vitest';
import { issuePublishableKey, schema, withShop, type Database } from '@sumeru/db';
import { newId } from '@sumeru/domain';

export type Shop = { agencyId: string; shopId: string };

export const createPublishableKey = (db: Database, shop: Shop, allowedOrigins: string[] = []) =>
  withShop(db, shop.shopId, (tx) => issuePublishableKey(tx, { ...shop, allowedOrigins }));

export const createProduct = async (db: Database, shop: Shop, title = 'Trail Runner') => {
  const id = newId('product');
  await withShop(db, shop.shopId, (tx) => tx.insert(schema.products).values({ id, ...shop, title, handle: `${id.toLowerCase()}`, price: '49.90' }));
  return id;
};

/** A review written straight to the table, as moderation would leave it. */
export const createReview = async (
  db: Database,
  shop: Shop,
  input: { productId: string; rating: number; status?: 'pending' | 'approved' | 'rejected'; createdAt?: Date; body?: string },
) => {
  const id = newId('review');
  await withShop(db, shop.shopId, (tx) =>
    tx.insert(schema.reviews).values({
      id, ...shop, productId: input.productId, rating: input.rating, body: input.body ?? `Rated ${input.rating}`, authorName: 'Ana',
      authorEmail: 'ana@example.test', status: input.status ?? 'approved', ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    }),
  );
  return id;
};

/** The body matches its documented schema exactly: parsing strips undocumented fields, so any would show as a difference. */
export const expectDocumentedShape = (schema: { parse: (v: unknown) => unknown }, body: unknown) => {
  expect(schema.parse(body)).toEqual(body);
};
