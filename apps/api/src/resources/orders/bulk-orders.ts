import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordEvent, refreshCustomerTotals, schema, type Tx } from '@sumeru/db';
import { minorToMoney, newId } from '@sumeru/domain';
import { validationError } from '@sumeru/errors';
import { zodToValidationError } from '../../listing/attributes';
import { defineEndpoint } from '../../pipeline/endpoint';
import { BULK_MAX_ITEMS, type Rejected } from '../crud/bulk-upsert';
import { stitchIdentities, type Claim } from '../../public/events/stitch-identities';
import { computeTotals, ZOrderImport, type OrderImport } from './order-import';
import { serializeOrder } from './order-resource';

type Tenant = { agencyId: string; shopId: string };

const resolveCustomer = async (tx: Tx, o: OrderImport): Promise<string | null | { error: string; field: string }> => {
  const c = schema.customers;
  if (o.customer_id) {
    const [row] = await tx.select({ id: c.id }).from(c).where(eq(c.id, o.customer_id)).limit(1);
    return row ? row.id : { field: 'customer_id', error: 'no customer with this id in this shop' };
  }
  if (o.customer_external_id) {
    const [row] = await tx.select({ id: c.id }).from(c).where(eq(c.externalId, o.customer_external_id)).limit(1);
    return row ? row.id : { field: 'customer_external_id', error: 'no customer with this external_id; import customers first' };
  }
  return null;
};

/** Writes one order and replaces its lines; returns its id. */
const writeOrder = async (tx: Tx, tenant: Tenant, o: OrderImport, customerId: string | null, totals: NonNullable<ReturnType<typeof computeTotals>>) => {
  const values = {
    customerId, number: o.number, status: o.status, currency: o.currency, placedAt: new Date(o.placed_at),
    subtotal: minorToMoney(totals.subtotalMinor), discountTotal: o.discount_total.toFixed(2), shippingTotal: o.shipping_total.toFixed(2),
    taxTotal: o.tax_total.toFixed(2), total: minorToMoney(totals.totalMinor),
  };
  const [row] = await tx
    .insert(schema.orders)
    .values({ id: newId('order'), ...tenant, externalId: o.external_id, ...values })
    .onConflictDoUpdate({ target: [schema.orders.shopId, schema.orders.externalId], set: { ...values, updatedAt: sql`now()` } })
    .returning({ id: schema.orders.id });
  await tx.delete(schema.orderLineItems).where(eq(schema.orderLineItems.orderId, row!.id));
  const skus = totals.lines.map((l) => l.sku).filter((s): s is string => !!s);
  const products = skus.length ? await tx.select({ id: schema.products.id, sku: schema.products.sku }).from(schema.products).where(and(eq(schema.products.shopId, tenant.shopId), inArray(schema.products.sku, skus))) : [];
  const productBySku = new Map(products.map((p) => [p.sku, p.id]));
  await tx.insert(schema.orderLineItems).values(totals.lines.map((l) => ({
    id: newId('lineItem'), ...tenant, orderId: row!.id, productId: (l.sku && productBySku.get(l.sku)) || null, sku: l.sku ?? null,
    title: l.title, quantity: l.quantity, unitPrice: l.unit_price.toFixed(2), total: minorToMoney(l.totalMinor),
  })));
  return row!.id;
};

/**
 * Imports up to 1,000 orders by external_id: lines replaced, totals computed from the lines,
 * customers linked by id or external id, and the customers' totals brought up to date. An
 * order's `anonymous_id` (the pixel's, passed on at checkout) is stitched to its customer.
 */
export const bulkUpsertOrders = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
  operationId: 'bulkUpsertOrders',
  method: 'post',
  path: '/orders/bulk',
  summary: 'Create or update up to 1,000 orders by external_id',
  scope: 'orders:write',
  stability: 'stable',
  query: z.strictObject({}),
  body: z.unknown(),
  handler: async ({ tx, token, body }) => {
    const envelope = z.strictObject({ data: z.array(z.unknown()).min(1).max(BULK_MAX_ITEMS) }).safeParse(body);
    if (!envelope.success) throw validationError('data', `data must be an array of 1 to ${BULK_MAX_ITEMS} orders`);
    const tenant = { agencyId: token.agencyId, shopId: token.shopId };
    const rejected: Rejected[] = [];
    const items: { id: string; external_id: string }[] = [];
    const touched = new Set<string>();
    const claims: Claim[] = [];
    for (const [index, item] of envelope.data.data.entries()) {
      const parsed = ZOrderImport.safeParse(item);
      if (!parsed.success) { rejected.push({ index, item, errors: zodToValidationError(parsed.error).details.errors as Rejected['errors'] }); continue; }
      const totals = computeTotals(parsed.data);
      if (!totals) { rejected.push({ index, item, errors: [{ field: 'discount_total', message: 'discounts exceed the order value' }] }); continue; }
      const customer = await resolveCustomer(tx, parsed.data);
      if (customer && typeof customer === 'object') { rejected.push({ index, item, errors: [{ field: customer.field, message: customer.error }] }); continue; }
      const [previous] = await tx.select({ customerId: schema.orders.customerId }).from(schema.orders).where(and(eq(schema.orders.shopId, tenant.shopId), eq(schema.orders.externalId, parsed.data.external_id)));
      if (previous?.customerId) touched.add(previous.customerId);
      if (customer) touched.add(customer);
      if (customer && parsed.data.anonymous_id) claims.push({ anonymousId: parsed.data.anonymous_id, customerRef: customer, at: new Date(parsed.data.placed_at) });
      const id = await writeOrder(tx, tenant, parsed.data, customer, totals);
      items.push({ id, external_id: parsed.data.external_id });
      const [written] = await tx.select().from(schema.orders).where(eq(schema.orders.id, id));
      await recordEvent(tx, tenant, previous ? 'order.updated' : 'order.created', serializeOrder(written!));
    }
    await refreshCustomerTotals(tx, tenant.shopId, [...touched]);
    // The browser that bought is the customer's: its pixel events and touchpoints join them.
    await stitchIdentities(tx, tenant, claims, 'order');
    return { status: 200, body: { data: { sent_count: items.length, rejected_count: rejected.length, rejected_items: rejected, items } } };
  },
});
