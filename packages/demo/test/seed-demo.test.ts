import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, openSecret, SCOPES, verifyPassword, type ScryptParams } from '@sumeru/auth';
import { schema, withAgency, withShop, withTenant, type Database, type Tx } from '@sumeru/db';
import { openTestDatabase, type OpenTestDatabase } from '@sumeru/db/testing';
import { LIFECYCLE_STAGES } from '@sumeru/domain';
import { COUNTED_ORDER_STATUSES, createSeededRandom, seedDemo, type DemoResult } from '../src/index';

const FAST: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
const PLATFORM_SECRET = 'test-platform-secret-of-at-least-32-chars';
const SIZES = { customersPerShop: 40, ordersPerShop: 120, productsPerShop: 12 };

let testDb: OpenTestDatabase;
let db: Database;
let demo: DemoResult;

beforeAll(async () => {
  testDb = await openTestDatabase(4);
  db = testDb.db;
  demo = await seedDemo(db, { platformSecret: PLATFORM_SECRET, ...SIZES, random: createSeededRandom(7), passwordParams: FAST });
});

afterAll(async () => {
  await testDb.close();
});

const query = async <T>(tx: Tx, statement: ReturnType<typeof sql>): Promise<T[]> => [...((await tx.execute(statement)) as unknown as T[])];
const shopIds = () => demo.shops.map((shop) => shop.id);

describe('seedDemo', () => {
  it('creates one agency with two distinct shops in EUR and USD', async () => {
    expect(demo.agency).toEqual({ id: expect.stringMatching(/^agy_/), name: expect.any(String) });
    const shops = await withAgency(db, demo.agency.id, (tx) => tx.select().from(schema.shops));
    expect(shops).toHaveLength(2);
    expect(new Set(shops.map((s) => s.name)).size).toBe(2);
    expect(new Set(shops.map((s) => s.domain)).size).toBe(2);
    expect(shops.map((s) => s.currency).sort()).toEqual(['EUR', 'USD']);
    expect(demo.shops.map((s) => s.id).sort()).toEqual(shops.map((s) => s.id).sort());
  });

  it('writes the asked number of rows per shop', async () => {
    for (const shopId of shopIds()) {
      const [counts] = await withShop(db, shopId, (tx) =>
        query<Record<string, number>>(tx, sql`select
          (select count(*)::int from products) as products, (select count(*)::int from inventory_levels) as inventory,
          (select count(*)::int from customers) as customers, (select count(*)::int from orders) as orders,
          (select count(*)::int from order_line_items) as line_items, (select count(distinct handle)::int from products) as handles`),
      );
      expect(counts).toMatchObject({ products: 12, handles: 12, customers: 40, orders: 120 });
      expect(counts!.inventory).toBeGreaterThanOrEqual(12);
      expect(counts!.inventory).toBeLessThanOrEqual(24);
      expect(counts!.line_items).toBeGreaterThanOrEqual(120);
    }
  });

  it('has customers in every lifecycle stage whose orders fit the stage', async () => {
    for (const shopId of shopIds()) {
      const rows = await withShop(db, shopId, (tx) => tx.select().from(schema.customers));
      expect(new Set(rows.map((c) => c.lifecycleStage))).toEqual(new Set(LIFECYCLE_STAGES));
      const daysSince = (d: Date | null) => (d ? (Date.now() - d.getTime()) / 86_400_000 : Infinity);
      for (const c of rows) {
        if (c.lifecycleStage === 'new') expect(c.ordersCount).toBeLessThanOrEqual(1);
        if (c.lifecycleStage === 'loyal') expect(daysSince(c.lastOrderAt)).toBeLessThan(45);
        if (c.lifecycleStage === 'churned') expect(daysSince(c.lastOrderAt)).toBeGreaterThan(180);
      }
      expect(rows.every((c) => c.externalId?.startsWith('shopify_') && c.email?.includes('@'))).toBe(true);
    }
  });

  it('makes every order total the exact sum of its 1–4 line items, in the shop currency', async () => {
    for (const shopId of shopIds()) {
      const bad = await withShop(db, shopId, (tx) =>
        query(tx, sql`select o.id from orders o join shops s on s.id = o.shop_id
          join lateral (select count(*) as n, sum(total) as sum, bool_and(total = unit_price * quantity) as exact
                        from order_line_items li where li.order_id = o.id) li on true
          where li.n not between 1 and 4 or o.total <> li.sum or o.subtotal <> o.total or not li.exact or o.currency <> s.currency`),
      );
      expect(bad).toEqual([]);
    }
  });

  it('keeps each customer’s aggregates equal to what their non-cancelled orders say', async () => {
    for (const shopId of shopIds()) {
      const mismatched = await withShop(db, shopId, (tx) =>
        query(tx, sql`select c.id from customers c
          left join (select customer_id, count(*)::int as n, sum(total) as spent, max(placed_at) as last from orders
                     where status in ${[...COUNTED_ORDER_STATUSES]} group by customer_id) o on o.customer_id = c.id
          where c.orders_count <> coalesce(o.n, 0) or c.total_spent <> coalesce(o.spent, 0) or c.last_order_at is distinct from o.last`),
      );
      expect(mismatched).toEqual([]);
      const early = await withShop(db, shopId, (tx) => query(tx, sql`select o.id from orders o join customers c on c.id = o.customer_id where o.placed_at <= c.created_at`));
      expect(early).toEqual([]);
    }
  });

  it('issues an enterprise admin token with every scope and a publishable key per shop', async () => {
    for (const shop of demo.shops) {
      const tokens = await withTenant(db, { tokenHash: hashSecret(shop.admin_token) }, (tx) => tx.select().from(schema.apiTokens));
      expect(tokens).toHaveLength(1);
      expect(tokens[0]).toMatchObject({ shopId: shop.id, tier: 'enterprise', scopes: [...SCOPES], revokedAt: null });
      const keys = await withTenant(db, { publishableKey: shop.publishable_key }, (tx) => tx.select().from(schema.publishableKeys));
      expect(keys.map((k) => k.shopId)).toEqual([shop.id]);
    }
  });

  it('stores the inbound webhook secrets sealed, opening to the returned values', async () => {
    for (const shop of demo.shops) {
      const [row] = await withShop(db, shop.id, (tx) => tx.select().from(schema.shops));
      expect(shop.shopify_webhook_secret).toMatch(/^shpss_[0-9A-Za-z]{32}$/);
      expect(shop.whatsapp_verify_token).toMatch(/^[0-9A-Za-z]{24}$/);
      expect(row!.shopifyWebhookSecretSealed).not.toContain(shop.shopify_webhook_secret);
      expect(openSecret(row!.shopifyWebhookSecretSealed!, PLATFORM_SECRET)).toBe(shop.shopify_webhook_secret);
      expect(openSecret(row!.whatsappVerifyTokenSealed!, PLATFORM_SECRET)).toBe(shop.whatsapp_verify_token);
    }
  });

  it('creates an owner operator whose password verifies', async () => {
    expect(demo.operator.email).toMatch(/^demo\+[0-9a-z]{6}@sumeru\.local$/);
    expect(demo.operator.password).toMatch(/^[0-9A-Za-z]{20}$/);
    const [operator] = await withTenant(db, { operatorEmail: demo.operator.email }, (tx) => tx.select().from(schema.operators));
    expect(operator).toMatchObject({ agencyId: demo.agency.id, role: 'owner' });
    expect(await verifyPassword(demo.operator.password, operator!.passwordHash)).toBe(true);
  });

  it('can run again beside an earlier demo, with a new agency and login', async () => {
    const again = await seedDemo(db, { platformSecret: PLATFORM_SECRET, customersPerShop: 5, ordersPerShop: 5, productsPerShop: 4, passwordParams: FAST });
    expect(again.agency.id).not.toBe(demo.agency.id);
    expect(again.operator.email).not.toBe(demo.operator.email);
    const seen = await withAgency(db, demo.agency.id, (tx) => tx.select({ id: schema.shops.id }).from(schema.shops));
    expect(seen).toHaveLength(2);
  });

  it('adds segments, campaigns, a journey with enrollments, and touchpoints before orders', async () => {
    for (const shopId of shopIds()) {
      const [counts] = await withShop(db, shopId, (tx) =>
        query<Record<string, number>>(tx, sql`select
          (select count(*)::int from segments) as segments, (select count(*)::int from campaigns) as campaigns,
          (select count(*)::int from journeys) as journeys, (select count(*)::int from journey_enrollments) as enrollments,
          (select count(*)::int from touchpoints) as touchpoints,
          (select count(*)::int from decision_runs where status = 'succeeded') as runs, (select count(*)::int from seo_keywords) as keywords,
          (select count(*)::int from contacts) as contacts, (select count(*)::int from contact_consent_events) as consent_events,
          (select count(*)::int from message_rejects) as rejects, (select count(*)::int from carts) as carts, (select count(*)::int from vouchers) as vouchers,
          (select count(distinct status)::int from campaigns) as campaign_states,
          (select count(*)::int from touchpoints t where not exists (
             select 1 from orders o where o.customer_id = t.customer_id and o.placed_at >= t.occurred_at
               and o.placed_at <= t.occurred_at + interval '21 days')) as orphans`),
      );
      expect(counts).toMatchObject({ segments: 3, campaigns: 2, campaign_states: 2, journeys: 1, orphans: 0, runs: 1, keywords: 8, rejects: 3, vouchers: 3 });
      expect(counts!.contacts).toBeGreaterThan(0);
      expect(counts!.consent_events).toBeGreaterThan(0);
      expect(counts!.carts).toBeGreaterThan(0);
      expect(counts!.enrollments).toBeGreaterThan(0);
      expect(counts!.touchpoints).toBeGreaterThan(60);
    }
  });

  it('refuses sizes too small to show every stage', async () => {
    await expect(seedDemo(db, { platformSecret: PLATFORM_SECRET, customersPerShop: 3, passwordParams: FAST })).rejects.toThrow(/customersPerShop/);
  });
});
