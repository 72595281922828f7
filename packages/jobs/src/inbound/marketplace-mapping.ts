import { z } from 'zod';
import { ORDER_STATUSES } from '@sumeru/domain';
import { ZAmountMinor, ZProviderId } from './amounts';
import type { OrderInput } from './inputs';
import { parseOrFail, PayloadError } from './payload-error';

/**
 * The generic marketplace order feed (`POST /webhooks/marketplace/:shop/:source`), documented in
 * apps/api/src/inbound/marketplace-feed.md. Unknown fields are ignored; totals are computed
 * from the lines, as for API imports.
 */
export const ZMarketplaceOrder = z.object({
  id: ZProviderId,
  number: z.string().trim().min(1).max(64).optional(),
  status: z.enum(ORDER_STATUSES).default('paid'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  placed_at: z.iso.datetime({ offset: true }),
  customer: z
    .object({
      id: ZProviderId,
      email: z.email().max(254).optional(),
      first_name: z.string().trim().min(1).max(100).optional(),
      last_name: z.string().trim().min(1).max(100).optional(),
      phone: z.string().trim().min(1).max(40).optional(),
    })
    .optional(),
  discount_total: ZAmountMinor.default(0),
  shipping_total: ZAmountMinor.default(0),
  tax_total: ZAmountMinor.default(0),
  line_items: z
    .array(z.object({
      sku: z.string().trim().min(1).max(100).optional(),
      title: z.string().trim().min(1).max(300),
      quantity: z.number().int().positive().max(100_000),
      unit_price: ZAmountMinor,
    }))
    .min(1)
    .max(500),
});

/** One order, or `{ "orders": [ … ] }` with up to 100. */
const ZBatch = z.object({ orders: z.array(z.unknown()).min(1).max(100) });

/** `<source>_<id>`: a marketplace's ids never collide with another source's or Shopify's. */
export const marketplaceExternalId = (source: string, id: string): string => `${source}_${id}`;

export const mapMarketplaceOrder = (source: string, value: unknown, where = 'the marketplace order'): OrderInput => {
  const o = parseOrFail(ZMarketplaceOrder, value, where);
  const subtotal = o.line_items.reduce((n, l) => n + l.quantity * l.unit_price, 0);
  const total = subtotal - o.discount_total + o.shipping_total + o.tax_total;
  if (total < 0) throw new PayloadError(`${where}: discounts exceed the order value`);
  return {
    externalId: marketplaceExternalId(source, o.id),
    number: o.number ?? o.id,
    status: o.status,
    currency: o.currency,
    placedAt: new Date(o.placed_at),
    discountMinor: o.discount_total,
    shippingMinor: o.shipping_total,
    taxMinor: o.tax_total,
    totalMinor: null,
    lines: o.line_items.map((l) => ({ title: l.title, sku: l.sku ?? null, quantity: l.quantity, unitPriceMinor: l.unit_price, productExternalId: null })),
    customer: o.customer
      ? {
        externalId: marketplaceExternalId(source, o.customer.id),
        ...(o.customer.email ? { email: o.customer.email.toLowerCase() } : {}),
        ...(o.customer.first_name ? { firstName: o.customer.first_name } : {}),
        ...(o.customer.last_name ? { lastName: o.customer.last_name } : {}),
        ...(o.customer.phone ? { phone: o.customer.phone } : {}),
        currency: o.currency,
      }
      : null,
  };
};

/** Every order of a feed body, each validated on its own (the index names the bad one). */
export const mapMarketplaceFeed = (source: string, payload: unknown): OrderInput[] => {
  if (payload && typeof payload === 'object' && !Array.isArray(payload) && 'orders' in payload) {
    const batch = parseOrFail(ZBatch, payload, 'the marketplace feed');
    return batch.orders.map((o, i) => mapMarketplaceOrder(source, o, `orders[${i}]`));
  }
  return [mapMarketplaceOrder(source, payload)];
};
