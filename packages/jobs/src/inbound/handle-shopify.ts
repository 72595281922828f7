import type { Tx } from '@sumeru/db';
import { mapShopifyCustomer, mapShopifyOrder, mapShopifyProduct } from './shopify-mapping';
import { upsertCustomer, type Tenant } from './write-customer';
import { upsertOrder } from './write-order';
import { upsertProduct } from './write-product';

export const SHOPIFY_TOPICS = ['orders/create', 'orders/updated', 'customers/create', 'customers/update', 'products/create', 'products/update', 'app/uninstalled'] as const;

/** One Shopify topic, applied in the caller's transaction; returns what it did. */
export const handleShopify = async (tx: Tx, tenant: Tenant, topic: string, payload: unknown): Promise<Record<string, unknown>> => {
  switch (topic) {
    case 'orders/create':
    case 'orders/updated': {
      const order = await upsertOrder(tx, tenant, mapShopifyOrder(payload));
      return { order_id: order.id, created: order.created, customer_id: order.customerId };
    }
    case 'customers/create':
    case 'customers/update': {
      const customer = await upsertCustomer(tx, tenant, mapShopifyCustomer(payload), 'always');
      return { customer_id: customer.id, created: customer.created };
    }
    case 'products/create':
    case 'products/update': {
      const product = await upsertProduct(tx, tenant, mapShopifyProduct(payload));
      return { product_id: product.id, created: product.created, ...(product.warnings.length ? { warnings: product.warnings } : {}) };
    }
    case 'app/uninstalled':
      // Recorded for the operator; the shop's data and secrets stay as they are.
      return { app_uninstalled: true, note: 'Shopify reported the app uninstalled; no data was cleared' };
    default:
      return { ignored: true, reason: `topic ${topic} is not handled` };
  }
};
