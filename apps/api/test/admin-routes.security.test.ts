import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomers, createOrder, createTenant, createToken } from '@sumeru/testing';
import { adminEndpoints } from '../src/routes';
import { runCommonRouteTests, type RouteCase } from './helpers/common-route-tests';
import { call, startTestApi, type TestApi } from './helpers/test-api';
import { createPublishableKey, createReview } from './helpers/storefront-fixtures';

let api: TestApi;
let limitedApi: TestApi;
let shop: { agencyId: string; shopId: string };
let own: { customerId: string; orderId: string };
let foreign: { customerId: string; orderId: string };
let marketing: { segmentId: string; campaignId: string; foreignSegmentId: string; foreignCampaignId: string };
let journeys: { own: string; foreign: string };
let runs: { foreign: string };
let catalogue: { foreignProduct: string };
let ownCatalogue: { product: string };
let hooks: { foreign: string };
let reviews: { foreign: string };
let referrals: { foreign: string };
const ingestion = [
  { path: 'customer-groups', pascal: 'CustomerGroup', plural: 'CustomerGroups', read: 'customers:read', write: 'customers:write', item: { name: 'G' } },
  { path: 'product-categories', pascal: 'ProductCategory', plural: 'ProductCategories', read: 'products:read', write: 'products:write', item: { name: 'C' } },
  { path: 'manufacturers', pascal: 'Manufacturer', plural: 'Manufacturers', read: 'products:read', write: 'products:write', item: { name: 'M' } },
  { path: 'vouchers', pascal: 'Voucher', plural: 'Vouchers', read: 'orders:read', write: 'orders:write', item: { code: 'SAVE10', discount_type: 'percentage', amount: 10 } },
  { path: 'seo-intelligence/keywords', pascal: 'SeoKeyword', plural: 'SeoKeywords', read: 'analytics:read', write: 'analytics:write', item: { keyword: 'k', target_url: 'https://x.example' } },
  { path: 'contacts', pascal: 'Contact', plural: 'Contacts', read: 'contacts:read', write: 'contacts:write', item: { email: 'x@example.com' } },
  { path: 'message-rejects', pascal: 'MessageReject', plural: 'MessageRejects', read: 'contacts:read', write: 'contacts:write', item: { channel: 'email', address: 'x@example.com', reason: 'manual', occurred_at: '2026-05-01T00:00:00Z' } },
  { path: 'lists', pascal: 'List', plural: 'Lists', read: 'contacts:read', write: 'contacts:write', item: { name: 'L' } },
  { path: 'custom-data-definitions', pascal: 'CustomDataDefinition', plural: 'CustomDataDefinitions', read: 'customers:read', write: 'customers:write', item: { key: 'k', name: 'K', fields: [{ name: 'a', type: 'string' }] } },
  { path: 'bundles', pascal: 'Bundle', plural: 'Bundles', read: 'storefront:read', write: 'storefront:write', item: { name: 'B', product_ids: ['prd_a', 'prd_b'], discount_type: 'percentage', discount_value: 10 } },
  { path: 'upsell-rules', pascal: 'UpsellRule', plural: 'UpsellRules', read: 'storefront:read', write: 'storefront:write', item: { name: 'U', offer_product_ids: ['prd_a'] } },
  { path: 'quizzes', pascal: 'Quiz', plural: 'Quizzes', read: 'storefront:read', write: 'storefront:write', item: { title: 'Q', questions: [{ id: 'q1', text: 'Q?', answers: [{ id: 'a', text: 'A', product_ids: [] }, { id: 'b', text: 'B', product_ids: [] }] }] } },
  { path: 'carts', pascal: 'Cart', plural: 'Carts', read: 'orders:read', write: 'orders:write', item: { currency: 'EUR', total: 1, items: [] } },
] as const;
const foreignIngestion: Record<string, string> = {};

beforeAll(async () => {
  // A short token cache keeps the many revocation checks quick; the default (1 s) is tested in revocation.test.ts.
  api = await startTestApi({ TOKEN_CACHE_MS: '200' });
  // Same database, a second app whose free tier allows 3 requests a minute.
  limitedApi = await startTestApi({ RATE_LIMIT_TIERS: '{"free":{"limit":3}}' }, { database: api.database });
  const tenant = await createTenant(api.deps.db, 2);
  shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  const other = { agencyId: tenant.agencyId, shopId: tenant.shopIds[1]! };
  const [mine] = await createCustomers(api.deps.db, shop, 1);
  const [theirs] = await createCustomers(api.deps.db, other, 1);
  own = { customerId: mine!.id, orderId: (await createOrder(api.deps.db, shop, { customerId: mine!.id })).id };
  foreign = { customerId: theirs!.id, orderId: (await createOrder(api.deps.db, other, { customerId: theirs!.id })).id };
  marketing = await seedMarketing(api, shop, other);
  const journeyIn = async (tenant: typeof shop) => {
    const { token } = await createToken(api.deps.db, tenant);
    const body = { name: 'J', trigger: { type: 'api' }, steps: [{ type: 'wait', hours: 1 }] };
    return (await call(api, '/api/v1/journeys', { token, method: 'POST', body })).body.data.id as string;
  };
  journeys = { own: await journeyIn(shop), foreign: await journeyIn(other) };
  const { token: otherToken } = await createToken(api.deps.db, other);
  runs = { foreign: (await call(api, '/api/v1/decision-intelligence/runs', { token: otherToken, method: 'POST' })).body.data.id };
  catalogue = { foreignProduct: (await call(api, '/api/v1/products', { token: otherToken, method: 'POST', body: { title: 'P', price: 1 } })).body.data.id };
  const { token: ownToken } = await createToken(api.deps.db, shop);
  ownCatalogue = { product: (await call(api, '/api/v1/products', { token: ownToken, method: 'POST', body: { title: 'Own', price: 1, sku: 'SEC-1' } })).body.data.id };
  hooks = { foreign: (await call(api, '/api/v1/webhook-endpoints', { token: otherToken, method: 'POST', body: { url: 'https://hooks.example.com/x', events: ['order.created'] } })).body.data.id };
  reviews = { foreign: await createReview(api.deps.db, other, { productId: catalogue.foreignProduct, rating: 5, status: 'pending' }) };
  const storefront = { 'x-sumeru-key': (await createPublishableKey(api.deps.db, other)).key };
  const code = (await call(api, '/api/public/referrals', { method: 'POST', headers: storefront, body: { customer_id: theirs!.id, email: theirs!.email } })).body.data.attributes.code;
  referrals = { foreign: (await call(api, '/api/public/referrals/claim', { method: 'POST', headers: storefront, body: { code, email: 'friend@example.test' } })).body.data.id };
  for (const r of ingestion) {
    const res = await call(api, `/api/v1/${r.path}/bulk`, { token: otherToken, method: 'POST', body: { data: [{ external_id: 'x', ...r.item }] } });
    foreignIngestion[r.path] = res.body.data.items[0].id;
  }
});

/** A segment and a draft campaign in each shop, made through the API as an integrator would. */
const seedMarketing = async (target: TestApi, mine: typeof shop, theirs: typeof shop) => {
  const make = async (tenant: typeof shop) => {
    const { token } = await createToken(target.deps.db, tenant);
    const segmentId = (await call(target, '/api/v1/segments', { token, method: 'POST', body: { name: 'All', definition: {} } })).body.data.id as string;
    const campaign = await call(target, '/api/v1/campaigns', { token, method: 'POST', body: { name: 'C', channel: 'sms', body: 'x', audience_id: segmentId } });
    return { segmentId, campaignId: campaign.body.data.id as string };
  };
  const a = await make(mine);
  const b = await make(theirs);
  return { ...a, foreignSegmentId: b.segmentId, foreignCampaignId: b.campaignId };
};

afterAll(async () => {
  await limitedApi.stop();
  await api.close();
});

// Own-shop paths for the auth/scope/rate checks; the foreign variants prove tenant isolation.
const routes: RouteCase[] = [
  { operationId: 'listCustomers', method: 'GET', path: () => '/api/v1/customers', scope: 'customers:read' },
  { operationId: 'getCustomer', method: 'GET', path: () => `/api/v1/customers/${own.customerId}`, scope: 'customers:read' },
  { operationId: 'getCustomer', method: 'GET', path: () => `/api/v1/customers/${foreign.customerId}`, scope: 'customers:read', foreign: true },
  { operationId: 'updateCustomer', method: 'PATCH', path: () => `/api/v1/customers/${own.customerId}`, body: { first_name: 'A' }, scope: 'customers:write' },
  { operationId: 'updateCustomer', method: 'PATCH', path: () => `/api/v1/customers/${foreign.customerId}`, body: { first_name: 'A' }, scope: 'customers:write', foreign: true },
  { operationId: 'bulkUpsertCustomers', method: 'POST', path: () => '/api/v1/customers/bulk', body: { data: [] }, scope: 'customers:write' },
  { operationId: 'listCustomerOrders', method: 'GET', path: () => `/api/v1/customers/${own.customerId}/orders`, scope: 'orders:read' },
  { operationId: 'listCustomerOrders', method: 'GET', path: () => `/api/v1/customers/${foreign.customerId}/orders`, scope: 'orders:read', foreign: true },
  { operationId: 'listOrders', method: 'GET', path: () => '/api/v1/orders', scope: 'orders:read' },
  { operationId: 'bulkUpsertOrders', method: 'POST', path: () => '/api/v1/orders/bulk', body: { data: [] }, scope: 'orders:write' },
  { operationId: 'getOrder', method: 'GET', path: () => `/api/v1/orders/${own.orderId}`, scope: 'orders:read' },
  { operationId: 'getOrder', method: 'GET', path: () => `/api/v1/orders/${foreign.orderId}`, scope: 'orders:read', foreign: true },
  { operationId: 'listProducts', method: 'GET', path: () => '/api/v1/products', scope: 'products:read' },
  { operationId: 'createProduct', method: 'POST', path: () => '/api/v1/products', body: { title: '' }, scope: 'products:write' },
  { operationId: 'getProduct', method: 'GET', path: () => `/api/v1/products/${catalogue.foreignProduct}`, scope: 'products:read', foreign: true },
  { operationId: 'updateProduct', method: 'PATCH', path: () => `/api/v1/products/${catalogue.foreignProduct}`, body: { title: 'x' }, scope: 'products:write', foreign: true },
  { operationId: 'bulkUpsertProducts', method: 'POST', path: () => '/api/v1/products/bulk', body: { data: [] }, scope: 'products:write' },
  { operationId: 'listInventory', method: 'GET', path: () => '/api/v1/inventory', scope: 'products:read' },
  { operationId: 'updateInventory', method: 'PATCH', path: () => '/api/v1/inventory', body: { data: [] }, scope: 'products:write' },
  { operationId: 'createProduct', method: 'POST', path: () => '/api/v1/products', body: { title: 'P', price: 1 }, scope: 'products:write' },
  { operationId: 'getProduct', method: 'GET', path: () => `/api/v1/products/${ownCatalogue.product}?include=inventory`, scope: 'products:read' },
  { operationId: 'updateProduct', method: 'PATCH', path: () => `/api/v1/products/${ownCatalogue.product}`, body: { title: 'x' }, scope: 'products:write' },
  { operationId: 'updateInventory', method: 'PATCH', path: () => '/api/v1/inventory', body: { data: [{ sku: 'SEC-1', adjust: 1 }] }, scope: 'products:write' },
  { operationId: 'listCampaigns', method: 'GET', path: () => '/api/v1/campaigns', scope: 'campaigns:read' },
  { operationId: 'createCampaign', method: 'POST', path: () => '/api/v1/campaigns', body: { name: 'x' }, scope: 'campaigns:write' },
  { operationId: 'getCampaign', method: 'GET', path: () => `/api/v1/campaigns/${marketing.campaignId}`, scope: 'campaigns:read' },
  { operationId: 'getCampaign', method: 'GET', path: () => `/api/v1/campaigns/${marketing.foreignCampaignId}`, scope: 'campaigns:read', foreign: true },
  // Launching for real would move the shared draft on; a foreign id proves auth and isolation without that.
  { operationId: 'launchCampaign', method: 'POST', path: () => `/api/v1/campaigns/${marketing.foreignCampaignId}/launch`, scope: 'campaigns:write', foreign: true },
  { operationId: 'cancelCampaign', method: 'POST', path: () => `/api/v1/campaigns/${marketing.foreignCampaignId}/cancel`, scope: 'campaigns:write', foreign: true },
  { operationId: 'listSegments', method: 'GET', path: () => '/api/v1/segments', scope: 'campaigns:read' },
  { operationId: 'createSegment', method: 'POST', path: () => '/api/v1/segments', body: { name: 'x' }, scope: 'campaigns:write' },
  { operationId: 'getSegment', method: 'GET', path: () => `/api/v1/segments/${marketing.segmentId}`, scope: 'campaigns:read' },
  { operationId: 'getSegment', method: 'GET', path: () => `/api/v1/segments/${marketing.foreignSegmentId}`, scope: 'campaigns:read', foreign: true },
  { operationId: 'listJourneys', method: 'GET', path: () => '/api/v1/journeys', scope: 'journeys:read' },
  { operationId: 'createJourney', method: 'POST', path: () => '/api/v1/journeys', body: { name: 'x' }, scope: 'journeys:write' },
  { operationId: 'getJourney', method: 'GET', path: () => `/api/v1/journeys/${journeys.own}`, scope: 'journeys:read' },
  { operationId: 'getJourney', method: 'GET', path: () => `/api/v1/journeys/${journeys.foreign}`, scope: 'journeys:read', foreign: true },
  { operationId: 'listJourneyEnrollments', method: 'GET', path: () => `/api/v1/journeys/${journeys.own}/enrollments`, scope: 'journeys:read' },
  { operationId: 'listJourneyEnrollments', method: 'GET', path: () => `/api/v1/journeys/${journeys.foreign}/enrollments`, scope: 'journeys:read', foreign: true },
  { operationId: 'createJourneyEnrollment', method: 'POST', path: () => `/api/v1/journeys/${journeys.foreign}/enrollments`, body: { customer_id: 'cus_x' }, scope: 'journeys:write', foreign: true },
  { operationId: 'getAttribution', method: 'GET', path: () => '/api/v1/attribution', scope: 'attribution:read' },
  { operationId: 'listDecisionRuns', method: 'GET', path: () => '/api/v1/decision-intelligence/runs', scope: 'analytics:read' },
  { operationId: 'getDecisionRun', method: 'GET', path: () => `/api/v1/decision-intelligence/runs/${runs.foreign}`, scope: 'analytics:read', foreign: true },
  { operationId: 'createDecisionRun', method: 'POST', path: () => '/api/v1/decision-intelligence/runs', scope: 'analytics:write' },
  { operationId: 'listWebhookEndpoints', method: 'GET', path: () => '/api/v1/webhook-endpoints', scope: 'webhooks:read' },
  { operationId: 'createWebhookEndpoint', method: 'POST', path: () => '/api/v1/webhook-endpoints', body: { url: 'x' }, scope: 'webhooks:write' },
  { operationId: 'getWebhookEndpoint', method: 'GET', path: () => `/api/v1/webhook-endpoints/${hooks.foreign}`, scope: 'webhooks:read', foreign: true },
  { operationId: 'updateWebhookEndpoint', method: 'PATCH', path: () => `/api/v1/webhook-endpoints/${hooks.foreign}`, body: { enabled: false }, scope: 'webhooks:write', foreign: true },
  { operationId: 'deleteWebhookEndpoint', method: 'DELETE', path: () => `/api/v1/webhook-endpoints/${hooks.foreign}`, scope: 'webhooks:write' },
  { operationId: 'rotateWebhookEndpointSecret', method: 'POST', path: () => `/api/v1/webhook-endpoints/${hooks.foreign}/rotate-secret`, scope: 'webhooks:write', foreign: true },
  { operationId: 'listWebhookDeliveries', method: 'GET', path: () => `/api/v1/webhook-endpoints/${hooks.foreign}/deliveries`, scope: 'webhooks:read', foreign: true },
  { operationId: 'getWebhookDelivery', method: 'GET', path: () => `/api/v1/webhook-endpoints/${hooks.foreign}/deliveries/whd_0000000000000000000000`, scope: 'webhooks:read', foreign: true },
  { operationId: 'replayWebhookDelivery', method: 'POST', path: () => `/api/v1/webhook-endpoints/${hooks.foreign}/deliveries/whd_0000000000000000000000/replay`, scope: 'webhooks:write', foreign: true },
  { operationId: 'replayFailedWebhookDeliveries', method: 'POST', path: () => `/api/v1/webhook-endpoints/${hooks.foreign}/deliveries/replay`, body: { created_from: '2026-01-01T00:00:00Z', created_to: '2026-12-31T00:00:00Z' }, scope: 'webhooks:write', foreign: true },
  { operationId: 'getUsage', method: 'GET', path: () => '/api/v1/usage', scope: null },
  // The shop is the token's own: there is no id to point at another shop (isolation in shop-settings.test.ts).
  { operationId: 'getShopSettings', method: 'GET', path: () => '/api/v1/shop', scope: 'settings:read' },
  { operationId: 'updateShopSettings', method: 'PATCH', path: () => '/api/v1/shop', body: { timezone: 'Europe/Berlin' }, scope: 'settings:write' },
  { operationId: 'listCustomerEvents', method: 'GET', path: () => `/api/v1/customers/${own.customerId}/events`, scope: 'customers:read' },
  { operationId: 'listCustomerEvents', method: 'GET', path: () => `/api/v1/customers/${foreign.customerId}/events`, scope: 'customers:read', foreign: true },
  { operationId: 'listReferralClaims', method: 'GET', path: () => '/api/v1/referral-claims', scope: 'storefront:read' },
  { operationId: 'getReferralClaim', method: 'GET', path: () => `/api/v1/referral-claims/${referrals.foreign}`, scope: 'storefront:read', foreign: true },
  { operationId: 'listReviews', method: 'GET', path: () => '/api/v1/reviews?filter[status]=pending', scope: 'reviews:read' },
  { operationId: 'getReview', method: 'GET', path: () => `/api/v1/reviews/${reviews.foreign}`, scope: 'reviews:read', foreign: true },
  { operationId: 'approveReview', method: 'POST', path: () => `/api/v1/reviews/${reviews.foreign}/approve`, scope: 'reviews:write', foreign: true },
  { operationId: 'rejectReview', method: 'POST', path: () => `/api/v1/reviews/${reviews.foreign}/reject`, scope: 'reviews:write', foreign: true },
  { operationId: 'listContactConsentHistory', method: 'GET', path: () => `/api/v1/contacts/${foreignIngestion.contacts}/consent-history`, scope: 'contacts:read', foreign: true },
  { operationId: 'listListMembers', method: 'GET', path: () => `/api/v1/lists/${foreignIngestion.lists}/members`, scope: 'contacts:read', foreign: true },
  { operationId: 'addListMembers', method: 'POST', path: () => `/api/v1/lists/${foreignIngestion.lists}/members`, body: { data: [{ contact_id: 'con_x' }] }, scope: 'contacts:write', foreign: true },
  { operationId: 'removeListMember', method: 'DELETE', path: () => `/api/v1/lists/${foreignIngestion.lists}/members/${foreignIngestion.contacts}`, scope: 'contacts:write' },
  { operationId: 'listCustomDataRecords', method: 'GET', path: () => `/api/v1/custom-data-definitions/${foreignIngestion['custom-data-definitions']}/records`, scope: 'customers:read', foreign: true },
  { operationId: 'bulkUpsertCustomDataRecords', method: 'POST', path: () => `/api/v1/custom-data-definitions/${foreignIngestion['custom-data-definitions']}/records/bulk`, body: { data: [{ external_id: 'x', data: {} }] }, scope: 'customers:write', foreign: true },
  { operationId: 'deleteCustomDataRecord', method: 'DELETE', path: () => `/api/v1/custom-data-definitions/${foreignIngestion['custom-data-definitions']}/records/cdr_x`, scope: 'customers:write' },
  ...ingestion.flatMap((r): RouteCase[] => [
    { operationId: `list${r.plural}`, method: 'GET', path: () => `/api/v1/${r.path}`, scope: r.read },
    { operationId: `get${r.pascal}`, method: 'GET', path: () => `/api/v1/${r.path}/${foreignIngestion[r.path]}`, scope: r.read, foreign: true },
    { operationId: `bulkUpsert${r.plural}`, method: 'POST', path: () => `/api/v1/${r.path}/bulk`, body: { data: [] }, scope: r.write },
    // Deletes are idempotent (204 for any id), so isolation is proven in ingestion.test.ts instead of by a 404.
    { operationId: `delete${r.pascal}`, method: 'DELETE', path: () => `/api/v1/${r.path}/${foreignIngestion[r.path]}`, scope: r.write },
  ]),
];

describe('coverage', () => {
  it('runs the common route tests on every registered admin endpoint, with its declared scope', () => {
    for (const endpoint of adminEndpoints) {
      const cases = routes.filter((r) => r.operationId === endpoint.operationId);
      expect(cases.length, endpoint.operationId).toBeGreaterThan(0);
      for (const c of cases) expect(c.scope, endpoint.operationId).toBe(endpoint.scope);
    }
  });
});

runCommonRouteTests(routes, () => ({ api, shop, limitedApi }));

describe('other shops’ rows never leak into lists', () => {
  it('lists only the token’s shop', async () => {
    const { token } = await createToken(api.deps.db, shop);
    const customers = await call(api, '/api/v1/customers?limit=100', { token });
    expect(customers.body.data.map((c: { id: string }) => c.id)).toEqual([own.customerId]);
    const orders = await call(api, `/api/v1/orders?limit=100&filter[customer_id]=${foreign.customerId}`, { token });
    expect(orders.body.data).toEqual([]);
  });
});
