import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, schema, withShop } from '@sumeru/db';
import { openTestDatabase, type OpenTestDatabase } from '@sumeru/db/testing';
import { newId } from '@sumeru/domain';
import { createTenant } from '@sumeru/testing';
import { processInbound } from '../src/inbound/process';
import type { JobDeps } from '../src/settings';

let database: OpenTestDatabase;
let deps: JobDeps;
let shop: { agencyId: string; shopId: string };
const iw = schema.inboundWebhooks;

const store = async (provider: 'shopify' | 'whatsapp' | 'marketplace', topic: string, body: string, source?: string) => {
  const id = newId('inboundWebhook');
  await withShop(database.db, shop.shopId, (tx) => tx.insert(iw).values({ id, ...shop, provider, topic, source: source ?? null, providerEventId: id, rawBody: body }));
  return id;
};
const rowOf = async (id: string) => (await withShop(database.db, shop.shopId, (tx) => tx.select().from(iw).where(eq(iw.id, id))))[0]!;
const events = () => withShop(database.db, shop.shopId, (tx) => tx.select().from(schema.events));

const order = { id: 5400000007, name: '#7', currency: 'EUR', created_at: '2026-05-01T10:00:00Z', financial_status: 'paid', total_price: '10.00', line_items: [{ title: 'A', quantity: 1, price: '10.00' }] };

beforeAll(async () => {
  database = await openTestDatabase();
  deps = { db: database.db, secret: 'x'.repeat(40), logger: pino({ level: 'silent' }), delivery: { timeoutMs: 1000, retrySchedule: [1], disableAfterMs: 1000, allowPrivateTargets: true } };
  const tenant = await createTenant(database.db, 1);
  shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
});

afterAll(async () => {
  await database.close();
});

describe('processInbound', () => {
  it('applies a webhook once: a second run of the same job changes nothing', async () => {
    const id = await store('shopify', 'orders/create', JSON.stringify(order));
    await processInbound(deps, { shopId: shop.shopId, inboundId: id });
    const row = await rowOf(id);
    expect(row.status).toBe('processed');
    expect(row.processedAt).not.toBeNull();
    const before = (await events()).length;
    await processInbound(deps, { shopId: shop.shopId, inboundId: id });
    expect((await events()).length).toBe(before);
    const orders = await withShop(database.db, shop.shopId, (tx) => tx.select().from(schema.orders).where(eq(schema.orders.externalId, 'shopify_5400000007')));
    expect(orders).toHaveLength(1);
  });

  it('updates a row that already exists under the Shopify id (as the demo seeds them)', async () => {
    const id = await store('shopify', 'orders/updated', JSON.stringify({ ...order, financial_status: 'refunded' }));
    await processInbound(deps, { shopId: shop.shopId, inboundId: id });
    expect((await rowOf(id)).result).toMatchObject({ created: false });
    const orders = await withShop(database.db, shop.shopId, (tx) => tx.select().from(schema.orders).where(eq(schema.orders.externalId, 'shopify_5400000007')));
    expect(orders.map((o) => o.status)).toEqual(['refunded']);
    expect((await events()).map((e) => e.type)).toContain('order.updated');
  });

  it('marks a malformed payload failed with its reason, without throwing and without partial writes', async () => {
    const id = await store('marketplace', 'orders', JSON.stringify({ orders: [{ ...order, id: 'M1', placed_at: '2026-05-01T10:00:00Z', line_items: [{ title: 'A', quantity: 1, unit_price: 1 }] }, { id: 'M2' }] }), 'mkt');
    await expect(processInbound(deps, { shopId: shop.shopId, inboundId: id })).resolves.toBeUndefined();
    const row = await rowOf(id);
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/orders\[1\]/);
    expect(await withShop(database.db, shop.shopId, (tx) => tx.select().from(schema.orders).where(eq(schema.orders.externalId, 'mkt_M1')))).toHaveLength(0);
  });

  it('marks a value PostgreSQL cannot store (a date out of range) failed too', async () => {
    const id = await store('whatsapp', 'messages', JSON.stringify({ entry: [{ changes: [{ value: { statuses: [{ id: 'w1', status: 'sent', timestamp: '999999999999' }] } }] }] }));
    await processInbound(deps, { shopId: shop.shopId, inboundId: id });
    const row = await rowOf(id);
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/could not be stored/);
  });

  it('throws on a database it cannot reach, so the queue retries, and leaves the row received', async () => {
    const id = await store('shopify', 'orders/create', JSON.stringify({ ...order, id: 5400000008 }));
    const url = new URL(database.url);
    url.port = '1';
    const unreachable = createDatabase({ url: url.toString(), poolSize: 1 });
    try {
      await expect(processInbound({ ...deps, db: unreachable }, { shopId: shop.shopId, inboundId: id })).rejects.toThrow();
    } finally {
      await closeDatabase(unreachable);
    }
    expect((await rowOf(id)).status).toBe('received');
  });
});
