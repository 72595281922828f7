import { z } from 'zod';
import { ZTag, type OrderStatus } from '@sumeru/domain';
import { ZAmountMinor, ZProviderId } from './amounts';
import type { CustomerInput, OrderInput, ProductInput } from './inputs';
import { parseOrFail } from './payload-error';

/** Shopify rows share the demo's external ids: `shopify_<id>`. */
export const shopifyExternalId = (id: string): string => `shopify_${id}`;

const ZText = z.string().trim().max(10_000).nullish().transform((v) => (v ? v : null));
const ZDate = z.iso.datetime({ offset: true });
const ZCurrency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');

// Only the fields Sumeru uses are read; Shopify adds fields over time and they are ignored.
const ZShopifyCustomer = z.object({
  id: ZProviderId,
  email: ZText,
  first_name: ZText,
  last_name: ZText,
  phone: ZText,
  tags: z.string().nullish(),
  accepts_marketing: z.boolean().nullish(),
  email_marketing_consent: z.object({ state: z.string() }).nullish(),
  currency: ZCurrency.nullish(),
});

const ZShopifyOrder = z.object({
  id: ZProviderId,
  name: z.string().trim().min(1).max(64).nullish(),
  order_number: z.number().int().nullish(),
  email: ZText,
  currency: ZCurrency,
  created_at: ZDate,
  processed_at: ZDate.nullish(),
  cancelled_at: ZDate.nullish(),
  financial_status: z.string().nullish(),
  fulfillment_status: z.string().nullish(),
  total_price: ZAmountMinor,
  total_discounts: ZAmountMinor.nullish(),
  total_tax: ZAmountMinor.nullish(),
  shipping_lines: z.array(z.object({ price: ZAmountMinor })).max(100).nullish(),
  line_items: z
    .array(z.object({
      title: z.string().trim().min(1).max(300),
      quantity: z.number().int().positive().max(100_000),
      price: ZAmountMinor,
      sku: z.string().trim().max(100).nullish(),
      product_id: ZProviderId.nullish(),
    }))
    .max(500),
  customer: ZShopifyCustomer.nullish(),
});

const ZShopifyProduct = z.object({
  id: ZProviderId,
  title: z.string().trim().min(1).max(300),
  handle: z.string().trim().max(200).nullish(),
  body_html: z.string().max(50_000).nullish(),
  vendor: z.string().trim().max(200).nullish(),
  product_type: z.string().trim().max(200).nullish(),
  status: z.enum(['active', 'draft', 'archived']).nullish(),
  tags: z.string().nullish(),
  variants: z.array(z.object({ sku: z.string().trim().max(100).nullish(), price: ZAmountMinor })).max(2000).nullish(),
});

/** Shopify sends tags as one comma-separated string; tags Sumeru cannot hold are dropped. */
export const splitTags = (tags: string | null | undefined): string[] =>
  [...new Set((tags ?? '').split(',').map((t) => t.trim()).filter((t) => ZTag.safeParse(t).success))].slice(0, 50);

const HANDLE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const slugify = (title: string): string =>
  title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 180).replace(/-+$/, '') || 'product';

/** Cancelled and refunded win over fulfilment, which wins over payment. */
export const shopifyOrderStatus = (o: { cancelled_at?: string | null; financial_status?: string | null; fulfillment_status?: string | null }): OrderStatus => {
  if (o.cancelled_at) return 'cancelled';
  if (o.financial_status === 'refunded') return 'refunded';
  if (o.fulfillment_status === 'fulfilled') return 'fulfilled';
  if (o.financial_status === 'paid' || o.financial_status === 'partially_paid' || o.financial_status === 'partially_refunded') return 'paid';
  return 'pending';
};

const toCustomer = (c: z.infer<typeof ZShopifyCustomer>, fallbackEmail: string | null): CustomerInput => {
  const email = c.email ?? fallbackEmail;
  const consent = c.email_marketing_consent?.state;
  return {
    externalId: shopifyExternalId(c.id),
    ...(email ? { email: email.toLowerCase() } : {}),
    ...(c.first_name ? { firstName: c.first_name } : {}),
    ...(c.last_name ? { lastName: c.last_name } : {}),
    ...(c.phone ? { phone: c.phone } : {}),
    ...(c.tags !== undefined && c.tags !== null ? { tags: splitTags(c.tags) } : {}),
    ...(consent !== undefined ? { acceptsMarketing: consent === 'subscribed' } : typeof c.accepts_marketing === 'boolean' ? { acceptsMarketing: c.accepts_marketing } : {}),
    ...(c.currency ? { currency: c.currency } : {}),
  };
};

/** `orders/create` and `orders/updated`: Shopify's totals are authoritative (taxes may be included in prices). */
export const mapShopifyOrder = (payload: unknown): OrderInput => {
  const o = parseOrFail(ZShopifyOrder, payload, 'the Shopify order');
  return {
    externalId: shopifyExternalId(o.id),
    number: o.name ?? (o.order_number !== null && o.order_number !== undefined ? `#${o.order_number}` : o.id),
    status: shopifyOrderStatus(o),
    currency: o.currency,
    placedAt: new Date(o.processed_at ?? o.created_at),
    discountMinor: o.total_discounts ?? 0,
    shippingMinor: (o.shipping_lines ?? []).reduce((n, l) => n + l.price, 0),
    taxMinor: o.total_tax ?? 0,
    totalMinor: o.total_price,
    lines: o.line_items.map((l) => ({
      title: l.title,
      sku: l.sku ? l.sku : null,
      quantity: l.quantity,
      unitPriceMinor: l.price,
      productExternalId: l.product_id ? shopifyExternalId(l.product_id) : null,
    })),
    customer: o.customer ? toCustomer(o.customer, o.email) : null,
  };
};

/** `customers/create` and `customers/update`: every field Shopify sends replaces the stored one. */
export const mapShopifyCustomer = (payload: unknown): CustomerInput => {
  const c = parseOrFail(ZShopifyCustomer, payload, 'the Shopify customer');
  const mapped = toCustomer(c, null);
  return { firstName: null, lastName: null, phone: null, email: null, ...mapped };
};

/**
 * `products/update`: one Sumeru product per Shopify product; its sku and price are those of
 * the first variant (Sumeru keeps no variants).
 */
export const mapShopifyProduct = (payload: unknown): ProductInput => {
  const p = parseOrFail(ZShopifyProduct, payload, 'the Shopify product');
  const first = p.variants?.[0];
  const handle = p.handle && HANDLE.test(p.handle) ? p.handle : slugify(p.handle || p.title);
  return {
    externalId: shopifyExternalId(p.id),
    title: p.title,
    handle,
    description: p.body_html ? p.body_html : null,
    vendor: p.vendor ? p.vendor : null,
    productType: p.product_type ? p.product_type : null,
    status: p.status ?? 'active',
    sku: first?.sku ? first.sku : null,
    priceMinor: first?.price ?? 0,
    tags: splitTags(p.tags),
  };
};
