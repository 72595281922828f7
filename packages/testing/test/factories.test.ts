import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '@sumeru/auth';
import { schema, withShop, withTenant, type Database } from '@sumeru/db';
import { openTestDatabase, type OpenTestDatabase } from '@sumeru/db/testing';
import { createCustomers, createOrder, createTenant, createToken } from '../src/index';

let testDb: OpenTestDatabase;
let db: Database;

beforeAll(async () => {
  testDb = await openTestDatabase(2);
  db = testDb.db;
});

afterAll(async () => {
  await testDb.close();
});

describe('factories', () => {
  it('write tenants, tokens, customers and orders through RLS with consistent totals', async () => {
    const tenant = await createTenant(db, 2);
    const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[1]! };
    const token = await createToken(db, shop, { scopes: ['orders:read'], tier: 'pro' });
    const [stored] = await withTenant(db, { tokenHash: hashSecret(token.token) }, (tx) => tx.select().from(schema.apiTokens));
    expect(stored).toMatchObject({ id: token.id, shopId: shop.shopId, scopes: ['orders:read'], tier: 'pro' });

    const customers = await createCustomers(db, shop, 5);
    const order = await createOrder(db, shop, { customerId: customers[0]!.id, items: 3 });
    const [sum] = await withShop(db, shop.shopId, (tx) =>
      tx.select({ total: sql<string>`sum(${schema.orderLineItems.total})` }).from(schema.orderLineItems).where(eq(schema.orderLineItems.orderId, order.id)),
    );
    expect(sum!.total).toBe(order.total);
    const visible = await withShop(db, tenant.shopIds[0]!, (tx) => tx.select().from(schema.customers));
    expect(visible).toEqual([]);
  });
});
