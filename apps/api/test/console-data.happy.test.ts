import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient, dataOf, errorOf, openSuperuser, seedConsoleDemo } from './console-client';
import { call, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let demo: Awaited<ReturnType<typeof seedConsoleDemo>>;
let owner: ConsoleClient;
let shopId: string;

const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  api = await startTestApi({ USAGE_FLUSH_MS: '100', WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'false' });
  api.deps.usage.start();
  demo = await seedConsoleDemo(api);
  shopId = demo.shops[0]!.id;
  owner = new ConsoleClient(api);
  dataOf(await owner.signIn(demo.operator.email, demo.operator.password));
});
afterAll(async () => api?.close());

describe('agency overview', () => {
  it('shows both demo shops with 7-day orders and revenue as exact decimals', async () => {
    const shops = dataOf(await owner.query('agency.overview'));
    expect(shops).toHaveLength(2);
    for (const shop of shops) {
      expect(shop.revenueLast7Days).toMatch(/^\d+(\.\d{1,2})?$/);
      expect(shop.activeTokens).toBeGreaterThanOrEqual(1);
      expect(typeof shop.ordersLast7Days).toBe('number');
    }
  });

  it('creates a shop with a publishable key, archives and restores it', async () => {
    const { id } = dataOf(await owner.mutate('agency.createShop', { name: 'Fresh Shop', domain: 'fresh.example.com', currency: 'USD' }));
    expect(dataOf(await owner.query('keys.list', { shopId: id }))[0].key).toMatch(/^pk_live_/);
    expect(dataOf(await owner.mutate('agency.archiveShop', { shopId: id })).status).toBe('archived');
    expect(dataOf(await owner.query('agency.overview')).find((s: any) => s.id === id).status).toBe('archived');
    expect(dataOf(await owner.mutate('agency.archiveShop', { shopId: id, archived: false })).status).toBe('active');
    const invalid = await owner.mutate('agency.createShop', { name: 'Bad', currency: 'euro' });
    expect(invalid.status).toBe(422);
    expect(errorOf(invalid).details.field).toBe('currency');
  });
});

describe('API tokens', () => {
  it('shows the secret once, lists prefix and last four, works against /api/v1 with its scopes, and revocation is immediate', async () => {
    const catalogue = dataOf(await owner.query('tokens.catalogue'));
    expect(catalogue.scopeGroups.find((g: any) => g.resource === 'customers').read.scope).toBe('customers:read');
    expect(catalogue.tiers.map((t: any) => t.name)).toEqual(['free', 'pro', 'enterprise']);

    const created = dataOf(await owner.mutate('tokens.create', { shopId, name: 'ERP sync', scopes: ['customers:read'], tier: 'pro' }));
    expect(created.secret).toMatch(/^copt_live_/);
    const listed = dataOf(await owner.query('tokens.list', { shopId })).find((t: any) => t.id === created.id);
    expect(listed).toMatchObject({ name: 'ERP sync', prefix: 'copt_live_', lastFour: created.secret.slice(-4), scopes: ['customers:read'], tier: 'pro', lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(dataOf(await owner.query('tokens.list', { shopId })))).not.toContain(created.secret);

    expect((await call(api, '/api/v1/customers', { token: created.secret })).status).toBe(200);
    const forbidden = await call(api, '/api/v1/orders', { token: created.secret });
    expect(forbidden.status).toBe(403);

    expect(dataOf(await owner.mutate('tokens.revoke', { shopId, tokenId: created.id })).revoked).toBe(true);
    expect((await call(api, '/api/v1/customers', { token: created.secret })).status).toBe(401);
    expect((await owner.mutate('tokens.revoke', { shopId, tokenId: created.id })).status).toBe(404);

    const badScope = await owner.mutate('tokens.create', { shopId, name: 'x', scopes: ['everything:write'] });
    expect(badScope.status).toBe(422);
    expect(errorOf(badScope).details.field).toBe('scopes.0');
  });
});

describe('usage dashboard', () => {
  it('counts requests, errors and their routes per day, per token, against the tier', async () => {
    const { secret, id } = dataOf(await owner.mutate('tokens.create', { shopId, name: 'usage probe', scopes: ['customers:read'], tier: 'free' }));
    for (let i = 0; i < 3; i++) expect((await call(api, '/api/v1/customers', { token: secret })).status).toBe(200);
    expect((await call(api, '/api/v1/orders', { token: secret })).status).toBe(403);
    let summary: any;
    for (let attempt = 0; attempt < 50; attempt++) {
      summary = dataOf(await owner.query('usage.summary', { shopId, from: today(), to: today() }));
      if (summary.tokens.some((t: any) => t.tokenId === id && t.requests === 4)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const probe = summary.tokens.find((t: any) => t.tokenId === id);
    expect(probe).toMatchObject({ name: 'usage probe', requests: 4, errors: 1, tier: { name: 'free', limit: 60, windowSeconds: 60 } });
    expect(summary.days).toHaveLength(1);
    expect(summary.days[0].requests).toBeGreaterThanOrEqual(4);
    expect(summary.routes.map((r: any) => r.route).join(' ')).toContain('customers');
    const agencyWide = dataOf(await owner.query('usage.summary', { from: today(), to: today() }));
    expect(agencyWide.totals.requests).toBeGreaterThanOrEqual(4);
    expect(agencyWide.tokens.find((t: any) => t.tokenId === id)).toMatchObject({ shopId, shopName: demo.shops[0]!.name, requests: 4 });
    expect(dataOf(await owner.query('agency.overview')).find((s: any) => s.id === shopId).requestsToday).toBeGreaterThanOrEqual(4);

    const tooLong = await owner.query('usage.summary', { from: '2025-01-01', to: '2026-01-01' });
    expect(tooLong.status).toBe(422);
  });
});

describe('publishable keys and CORS origins', () => {
  it('stores normalised origins and refuses paths, wildcards and plain http', async () => {
    const [key] = dataOf(await owner.query('keys.list', { shopId }));
    const saved = dataOf(await owner.mutate('keys.setOrigins', { shopId, keyId: key.id, origins: ['https://Shop.Example.com', 'http://localhost:3000'] }));
    expect(saved.allowedOrigins).toEqual(['https://shop.example.com', 'http://localhost:3000']);
    for (const bad of ['https://shop.example.com/path', 'http://shop.example.com', 'https://*.example.com', 'not a url']) {
      const response = await owner.mutate('keys.setOrigins', { shopId, keyId: key.id, origins: [bad] });
      expect(response.status, bad).toBe(422);
    }
  });
});

describe('webhook endpoints', () => {
  it('creates with a once-shown secret, rotates, disables and re-enables; private targets are refused', async () => {
    const created = dataOf(await owner.mutate('webhooks.create', { shopId, url: 'https://hooks.example.com/sumeru', events: ['order.created', 'customer.updated'] }));
    expect(created.secret).toMatch(/^whsec_/);
    const rotated = dataOf(await owner.mutate('webhooks.rotateSecret', { shopId, endpointId: created.endpoint.id }));
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.endpoint.rotating).toBe(true);
    expect(dataOf(await owner.mutate('webhooks.setEnabled', { shopId, endpointId: created.endpoint.id, enabled: false })).enabled).toBe(false);
    expect(dataOf(await owner.mutate('webhooks.setEnabled', { shopId, endpointId: created.endpoint.id, enabled: true })).disabledReason).toBeNull();
    const resubscribed = dataOf(await owner.mutate('webhooks.setEvents', { shopId, endpointId: created.endpoint.id, events: ['campaign.launched'] }));
    expect(resubscribed.events).toEqual(['campaign.launched']);
    expect((await owner.mutate('webhooks.setEvents', { shopId, endpointId: created.endpoint.id, events: [] })).status).toBe(422);
    const list = dataOf(await owner.query('webhooks.list', { shopId }));
    expect(list.find((e: any) => e.id === created.endpoint.id).events).toEqual(['campaign.launched']);
    expect(JSON.stringify(list)).not.toContain('whsec_');
    const privateTarget = await owner.mutate('webhooks.create', { shopId, url: 'https://127.0.0.1/hook', events: ['order.created'] });
    expect(privateTarget.status).toBe(422);
    expect(errorOf(privateTarget).details.field).toBe('url');
  });
});

describe('shop views', () => {
  it('lists and searches customers and builds the customer 360', async () => {
    const page = dataOf(await owner.query('customers.list', { shopId }));
    expect(page.customers.length).toBe(8);
    const withOrders = page.customers.find((c: any) => c.ordersCount > 0) ?? page.customers[0];
    const found = dataOf(await owner.query('customers.list', { shopId, search: withOrders.email.slice(0, 6) }));
    expect(found.customers.map((c: any) => c.id)).toContain(withOrders.id);
    const staged = dataOf(await owner.query('customers.list', { shopId, stage: withOrders.lifecycleStage }));
    expect(staged.customers.every((c: any) => c.lifecycleStage === withOrders.lifecycleStage)).toBe(true);
    const c360 = dataOf(await owner.query('customers.get', { shopId, customerId: withOrders.id }));
    expect(c360.profile.id).toBe(withOrders.id);
    expect(c360.orders).toHaveLength(withOrders.ordersCount > 100 ? 100 : withOrders.ordersCount);
    expect(c360.timeline.length).toBeGreaterThanOrEqual(1 + c360.orders.length);
  });

  it('puts the pixel events of browsers stitched to the customer on the 360 timeline, and only those', async () => {
    const customer = dataOf(await owner.query('customers.list', { shopId })).customers[0];
    const sql = openSuperuser(api);
    try {
      await sql`insert into identities (id, agency_id, shop_id, anonymous_id, customer_id, source, identified_at) values ('idn_console_test', ${demo.agency.id}, ${shopId}, 'anon-known', ${customer.id}, 'identify', now())`;
      await sql`insert into pixel_events (agency_id, shop_id, event_id, occurred_at, name, anonymous_id, url) values
        (${demo.agency.id}, ${shopId}, 'e1', now() - interval '1 minute', 'product_viewed', 'anon-known', 'https://shop.example/p/1'),
        (${demo.agency.id}, ${shopId}, 'e2', now() - interval '2 minutes', 'page_view', 'anon-stranger', 'https://shop.example/')`;
    } finally {
      await sql.end();
    }
    const c360 = dataOf(await owner.query('customers.get', { shopId, customerId: customer.id }));
    const events = c360.timeline.filter((e: any) => e.kind === 'event');
    expect(events.map((e: any) => e.title)).toEqual(['product viewed · https://shop.example/p/1']);
  });

  it('lists orders, products with stock, campaigns and journeys', async () => {
    const orders = dataOf(await owner.query('commerce.orders', { shopId }));
    expect(orders.orders.length).toBe(12);
    const paid = dataOf(await owner.query('commerce.orders', { shopId, status: 'paid' }));
    expect(paid.orders.every((o: any) => o.status === 'paid')).toBe(true);
    const products = dataOf(await owner.query('commerce.products', { shopId }));
    expect(products.products.length).toBe(5);
    const stockSql = openSuperuser(api);
    try {
      const stock = await stockSql`select product_id, sum(quantity)::int as n from inventory_levels where shop_id = ${shopId} group by product_id`;
      expect(stock.length).toBeGreaterThan(0);
      for (const product of products.products) expect(product.stock, product.title).toBe(stock.find((s) => s.product_id === product.id)?.n ?? 0);
    } finally {
      await stockSql.end();
    }
    expect(Array.isArray(dataOf(await owner.query('marketing.campaigns', { shopId })))).toBe(true);
    const journeys = dataOf(await owner.query('marketing.journeys', { shopId }));
    const sql = openSuperuser(api);
    try {
      const counts = await sql`select journey_id, count(*)::int as n from journey_enrollments where shop_id = ${shopId} and status = 'active' group by journey_id`;
      for (const journey of journeys) expect(journey.activeEnrollments, journey.name).toBe(counts.find((c) => c.journey_id === journey.id)?.n ?? 0);
    } finally {
      await sql.end();
    }
  });
});
