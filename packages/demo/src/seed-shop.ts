import { randomBase62, SCOPES, sealSecret } from '@sumeru/auth';
import { issueApiToken, issuePublishableKey, schema, withTenant, type Database } from '@sumeru/db';
import { newId } from '@sumeru/domain';
import { planCustomers } from './build-customers';
import { buildDecisionRun, buildIngestion, buildKeywords } from './build-extras';
import { buildMarketing, buildTouchpoints } from './build-marketing';
import { buildOrders } from './build-orders';
import { buildProducts } from './build-products';
import { fitOrderCounts } from './fit-order-counts';
import { insertInBatches } from './insert-in-batches';
import type { Random } from './random';
import type { ShopProfile } from './shop-profiles';
import type { DemoShop } from './types';

export type ShopSizes = { customersPerShop: number; ordersPerShop: number; productsPerShop: number };

/**
 * Builds one shop's rows in memory. Synchronous on purpose: shops built one after the other
 * draw from `random` in a fixed order, so a seeded generator gives the same demo every time.
 */
export const buildShop = (random: Random, profile: ShopProfile, agencyId: string, sizes: ShopSizes, now: Date) => {
  const tenant = { agencyId, shopId: newId('shop') };
  const catalogue = buildProducts(random, profile, tenant, sizes.productsPerShop, now);
  const plans = planCustomers(random, profile, tenant, sizes.customersPerShop, now);
  fitOrderCounts(random, plans, sizes.ordersPerShop);
  const history = buildOrders(random, plans, catalogue.sellable, profile.currency, now);
  const touchpoints = buildTouchpoints(random, tenant, history.orders);
  const marketing = buildMarketing(random, tenant, history.customers, now);
  const decisionRun = buildDecisionRun(tenant, history.customers, now);
  const keywords = buildKeywords(random, tenant, profile.domain, now);
  const ingestion = buildIngestion(random, tenant, history.customers, catalogue.products, profile.currency, now);
  return { profile, tenant, ...catalogue, ...history, touchpoints, ...marketing, decisionRun, keywords, ...ingestion };
};

export type BuiltShop = ReturnType<typeof buildShop>;

/**
 * Writes a built shop in one transaction, so it lands whole or not at all. The context holds
 * both the agency (the shop row's policy) and the shop (every other table's policy).
 */
export const writeShop = (db: Database, shop: BuiltShop, platformSecret: string): Promise<DemoShop> =>
  withTenant(db, shop.tenant, async (tx) => {
    const { profile, tenant } = shop;
    const shopifyWebhookSecret = `shpss_${randomBase62(32)}`;
    const whatsappVerifyToken = randomBase62(24);
    await tx.insert(schema.shops).values({
      id: tenant.shopId,
      agencyId: tenant.agencyId,
      name: profile.name,
      domain: profile.domain,
      currency: profile.currency,
      timezone: profile.timezone,
      shopifyWebhookSecretSealed: sealSecret(shopifyWebhookSecret, platformSecret),
      whatsappVerifyTokenSealed: sealSecret(whatsappVerifyToken, platformSecret),
    });
    await insertInBatches(tx, schema.products, shop.products);
    await insertInBatches(tx, schema.inventoryLevels, shop.inventory);
    await insertInBatches(tx, schema.customers, shop.customers);
    await insertInBatches(tx, schema.orders, shop.orders);
    await insertInBatches(tx, schema.orderLineItems, shop.lineItems);
    await insertInBatches(tx, schema.touchpoints, shop.touchpoints);
    await insertInBatches(tx, schema.segments, shop.segments);
    await insertInBatches(tx, schema.campaigns, shop.campaigns);
    await insertInBatches(tx, schema.journeys, shop.journeys);
    await insertInBatches(tx, schema.journeyEnrollments, shop.enrollments);
    await tx.insert(schema.decisionRuns).values(shop.decisionRun);
    await insertInBatches(tx, schema.seoKeywords, shop.keywords);
    await insertInBatches(tx, schema.contacts, shop.contacts);
    await insertInBatches(tx, schema.messageRejects, shop.rejects);
    await insertInBatches(tx, schema.carts, shop.carts);
    await insertInBatches(tx, schema.vouchers, shop.vouchers);
    const token = await issueApiToken(tx, { ...tenant, name: 'Demo admin token', scopes: SCOPES, tier: 'enterprise' });
    const key = await issuePublishableKey(tx, { ...tenant, allowedOrigins: [`https://${profile.domain}`] });
    return {
      id: tenant.shopId,
      name: profile.name,
      admin_token: token.token,
      publishable_key: key.key,
      shopify_webhook_secret: shopifyWebhookSecret,
      whatsapp_verify_token: whatsappVerifyToken,
    };
  });
