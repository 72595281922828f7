import { z } from 'zod';
import { CURRENCIES, ORDER_STATUSES } from '@sumeru/domain';

const ZAmount = z.number().nonnegative().max(1e9).refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'at most 2 decimals');

/** One order as an ERP or marketplace sends it; totals are computed from the lines, never trusted. */
export const ZOrderImport = z
  .strictObject({
    external_id: z.string().trim().min(1).max(255),
    number: z.string().trim().min(1).max(64),
    status: z.enum(ORDER_STATUSES).default('paid'),
    currency: z.enum(CURRENCIES),
    placed_at: z.iso.datetime({ offset: true }),
    customer_id: z.string().min(1).optional(),
    customer_external_id: z.string().trim().min(1).max(255).optional(),
    /** The pixel's anonymous id of the buyer's browser (`sumeru('anonymousId', cb)` at checkout): stitched to the order's customer. */
    anonymous_id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'must be 1–64 letters, digits, _ . : or -').optional(),
    discount_total: ZAmount.default(0),
    shipping_total: ZAmount.default(0),
    tax_total: ZAmount.default(0),
    line_items: z
      .array(z.strictObject({ sku: z.string().trim().min(1).max(100).optional(), title: z.string().trim().min(1).max(300), quantity: z.number().int().positive().max(100_000), unit_price: ZAmount }))
      .min(1)
      .max(200),
  })
  .refine((o) => !(o.customer_id && o.customer_external_id), { message: 'send customer_id or customer_external_id, not both', path: ['customer_id'] });

export type OrderImport = z.infer<typeof ZOrderImport>;

const minor = (n: number) => Math.round(n * 100);

/** Line totals and order totals in minor units; null when discounts exceed what is charged. */
export const computeTotals = (o: OrderImport) => {
  const lines = o.line_items.map((l) => ({ ...l, totalMinor: l.quantity * minor(l.unit_price) }));
  const subtotalMinor = lines.reduce((n, l) => n + l.totalMinor, 0);
  const totalMinor = subtotalMinor - minor(o.discount_total) + minor(o.shipping_total) + minor(o.tax_total);
  return totalMinor < 0 ? null : { lines, subtotalMinor, totalMinor };
};
