import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScryptParams } from '@sumeru/auth';
import { schema, withShop, withTenant, type Database } from '@sumeru/db';
import { openTestDatabase, type OpenTestDatabase } from '@sumeru/db/testing';
import { createSeededRandom, seedDemo, type DemoResult } from '../src/index';

const FAST: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

let testDb: OpenTestDatabase;
let db: Database;
let demo: DemoResult;

beforeAll(async () => {
  testDb = await openTestDatabase(4);
  db = testDb.db;
  demo = await seedDemo(db, { platformSecret: 'test-platform-secret-of-at-least-32-chars', customersPerShop: 40, ordersPerShop: 120, productsPerShop: 12, random: createSeededRandom(11), passwordParams: FAST });
});

afterAll(async () => {
  await testDb.close();
});

describe('demo storefront data', () => {
  it('gives every demo shop approved reviews for the storefront and pending ones for moderation', async () => {
    for (const shop of demo.shops) {
      const reviews = await withShop(db, shop.id, (tx) => tx.select().from(schema.reviews));
      expect(reviews.filter((r) => r.status === 'approved').length).toBeGreaterThanOrEqual(5);
      expect(reviews.every((r) => r.rating >= 1 && r.rating <= 5 && r.shopId === shop.id)).toBe(true);
      const [key] = await withTenant(db, { publishableKey: shop.publishable_key }, (tx) => tx.select().from(schema.publishableKeys));
      expect(key?.shopId).toBe(shop.id);
    }
  });

  it('marks a reviewer verified only when their own order contains the product', async () => {
    for (const shop of demo.shops) {
      const verified = await withShop(db, shop.id, (tx) => tx.select().from(schema.reviews).where(eq(schema.reviews.verifiedBuyer, true)));
      expect(verified.length).toBeGreaterThan(0);
      for (const review of verified) {
        const rows = await withShop(db, shop.id, (tx) =>
          tx
            .select({ email: schema.customers.email })
            .from(schema.orders)
            .innerJoin(schema.customers, eq(schema.customers.id, schema.orders.customerId))
            .innerJoin(schema.orderLineItems, and(eq(schema.orderLineItems.orderId, schema.orders.id), eq(schema.orderLineItems.productId, review.productId)))
            .where(eq(schema.orders.id, review.orderId!)),
        );
        expect(rows.map((r) => r.email?.toLowerCase())).toContain(review.authorEmail);
      }
    }
  });

  it('gives every demo shop a bundle, upsell rules and a quiz over its own active products', async () => {
    for (const shop of demo.shops) {
      const [bundles, rules, quizzes] = await withShop(db, shop.id, (tx) =>
        Promise.all([tx.select().from(schema.bundles), tx.select().from(schema.upsellRules), tx.select().from(schema.quizzes)]),
      );
      expect(bundles).toHaveLength(1);
      expect(rules).toHaveLength(2);
      expect(quizzes).toHaveLength(1);
      const ids = [...bundles[0]!.productIds, ...rules.flatMap((r) => [...r.triggerProductIds, ...r.offerProductIds])];
      const products = await withShop(db, shop.id, (tx) => tx.select({ id: schema.products.id, status: schema.products.status }).from(schema.products));
      for (const id of ids) expect(products.find((p) => p.id === id)?.status).toBe('active');
    }
  });
});
