import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, openSecret } from '@sumeru/auth';
import { schema, withShop, withTenant, type Database } from '@sumeru/db';
import { openTestDatabase, type OpenTestDatabase } from '@sumeru/db/testing';
import type { DemoResult } from '@sumeru/demo';
import { runCli, TEST_SECRET } from './run-cli';

let testDb: OpenTestDatabase;
let db: Database;
let demo: DemoResult;

// The full-size demo runs once; the token tests reuse its shops.
beforeAll(async () => {
  testDb = await openTestDatabase(2);
  db = testDb.db;
  const run = await runCli(['demo', '--json'], testDb.url);
  expect(run.code, run.stderr).toBe(0);
  demo = JSON.parse(run.stdout) as DemoResult;
});

afterAll(async () => {
  await testDb.close();
});

const tokenRow = (shopId: string, id: string) =>
  withShop(db, shopId, async (tx) => (await tx.select().from(schema.apiTokens).where(eq(schema.apiTokens.id, id)))[0]);

describe('sumeru demo --json', () => {
  it('prints the contract document and nothing else', () => {
    expect(Object.keys(demo).sort()).toEqual(['agency', 'operator', 'shops']);
    expect(Object.keys(demo.agency).sort()).toEqual(['id', 'name']);
    expect(Object.keys(demo.operator).sort()).toEqual(['email', 'password']);
    expect(demo.shops.length).toBeGreaterThanOrEqual(2);
    for (const shop of demo.shops) {
      expect(Object.keys(shop).sort()).toEqual(['admin_token', 'id', 'name', 'publishable_key', 'shopify_webhook_secret', 'whatsapp_verify_token']);
    }
  });

  it('seeds the full demo, sealed with the configured platform secret', async () => {
    for (const shop of demo.shops) {
      const [counts] = (await withShop(db, shop.id, (tx) =>
        tx.execute(sql`select (select count(*)::int from orders) as orders, (select count(*)::int from customers) as customers`),
      )) as unknown as { orders: number; customers: number }[];
      expect(counts!.orders).toBeGreaterThanOrEqual(500);
      expect(counts!.customers).toBeGreaterThanOrEqual(200);
      const [row] = await withShop(db, shop.id, (tx) => tx.select().from(schema.shops));
      expect(openSecret(row!.shopifyWebhookSecretSealed!, TEST_SECRET)).toBe(shop.shopify_webhook_secret);
    }
  });
});

describe('sumeru token', () => {
  it('creates a token with the asked scopes and tier, printing exactly {"id","token"}', async () => {
    const shop = demo.shops[0]!;
    const run = await runCli(['token', 'create', '--shop', shop.id, '--scopes', 'customers:read, orders:write', '--tier', 'pro', '--name', 'ERP sync', '--json'], testDb.url);
    expect(run.code, run.stderr).toBe(0);
    const created = JSON.parse(run.stdout) as { id: string; token: string };
    expect(Object.keys(created)).toEqual(['id', 'token']);
    const [row] = await withTenant(db, { tokenHash: hashSecret(created.token) }, (tx) => tx.select().from(schema.apiTokens));
    expect(row).toMatchObject({ id: created.id, shopId: shop.id, name: 'ERP sync', tier: 'pro', scopes: ['customers:read', 'orders:write'], revokedAt: null });
  });

  it('defaults to the free tier and prints the secret once in the readable form', async () => {
    const shop = demo.shops[1]!;
    const run = await runCli(['token', 'create', '--shop', shop.id, '--scopes', 'products:read'], testDb.url);
    expect(run.code, run.stderr).toBe(0);
    const secret = /copt_live_[0-9A-Za-z]+/.exec(run.stdout)?.[0];
    const [row] = await withTenant(db, { tokenHash: hashSecret(secret!) }, (tx) => tx.select().from(schema.apiTokens));
    expect(row).toMatchObject({ shopId: shop.id, tier: 'free', scopes: ['products:read'] });
  });

  it('refuses an unknown shop with one line and exit 1', async () => {
    const run = await runCli(['token', 'create', '--shop', 'shp_doesNotExist000000000', '--scopes', 'customers:read'], testDb.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: shop not found: shp_doesNotExist000000000\n');
    expect(run.stdout).toBe('');
  });

  it('revokes at once, by id alone or with --shop, and says so when already revoked', async () => {
    const shop = demo.shops[0]!;
    const issue = async () => JSON.parse((await runCli(['token', 'create', '--shop', shop.id, '--scopes', '*', '--json'], testDb.url)).stdout) as { id: string };
    const [first, second] = await Promise.all([issue(), issue()]);

    const revoked = await runCli(['token', 'revoke', first.id], testDb.url);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await tokenRow(shop.id, first.id))!.revokedAt).toBeInstanceOf(Date);

    const withShopFlag = await runCli(['token', 'revoke', second.id, '--shop', shop.id, '--json'], testDb.url);
    expect(withShopFlag.code, withShopFlag.stderr).toBe(0);
    expect(JSON.parse(withShopFlag.stdout)).toEqual({ id: second.id, revoked_at: expect.any(String) });
    expect((await tokenRow(shop.id, second.id))!.revokedAt).toBeInstanceOf(Date);

    const again = await runCli(['token', 'revoke', first.id], testDb.url);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already revoked/);
  });

  it('refuses an unknown token id with one line and exit 1', async () => {
    const run = await runCli(['token', 'revoke', 'tok_doesNotExist000000000'], testDb.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: token not found: tok_doesNotExist000000000\n');
    const wrongShop = await runCli(['token', 'revoke', 'tok_doesNotExist000000000', '--shop', demo.shops[1]!.id], testDb.url);
    expect(wrongShop.code).toBe(1);
  });
});
