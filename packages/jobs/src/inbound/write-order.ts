import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { recordEvent, refreshCustomerTotals, schema, type Tx } from '@sumeru/db';
import { minorToMoney, newId } from '@sumeru/domain';
import { orderData } from './event-data';
import type { OrderInput } from './inputs';
import { PayloadError } from './payload-error';
import { upsertCustomer, type Tenant } from './write-customer';

const o = schema.orders;
const li = schema.orderLineItems;
const p = schema.products;

/** Lines point at the catalogue by the provider's product id first, then by sku. */
const productIdsFor = async (tx: Tx, shopId: string, input: OrderInput) => {
  const externalIds = [...new Set(input.lines.map((l) => l.productExternalId).filter((e): e is string => !!e))];
  const skus = [...new Set(input.lines.map((l) => l.sku).filter((s): s is string => !!s))];
  if (externalIds.length + skus.length === 0) return () => null;
  const rows = await tx
    .select({ id: p.id, externalId: p.externalId, sku: p.sku })
    .from(p)
    .where(and(eq(p.shopId, shopId), sql`(${externalIds.length ? inArray(p.externalId, externalIds) : sql`false`} or ${skus.length ? inArray(p.sku, skus) : sql`false`})`));
  return (line: OrderInput['lines'][number]) =>
    rows.find((r) => line.productExternalId && r.externalId === line.productExternalId)?.id ?? rows.find((r) => line.sku && r.sku === line.sku)?.id ?? null;
};

/**
 * Creates or updates an order by external id with its customer and lines (replaced), brings
 * the customers' totals up to date and records order.created or order.updated.
 */
export const upsertOrder = async (tx: Tx, tenant: Tenant, input: OrderInput): Promise<{ id: string; created: boolean; customerId: string | null }> => {
  const lines = input.lines.map((l) => ({ ...l, totalMinor: l.quantity * l.unitPriceMinor }));
  const subtotalMinor = lines.reduce((n, l) => n + l.totalMinor, 0);
  const totalMinor = input.totalMinor ?? subtotalMinor - input.discountMinor + input.shippingMinor + input.taxMinor;
  if (totalMinor < 0) throw new PayloadError('the order total is negative: discounts exceed what is charged');
  if (!Number.isSafeInteger(subtotalMinor) || subtotalMinor > 99_999_999_999_99) throw new PayloadError('the order is too large to store');

  const customer = input.customer ? await upsertCustomer(tx, tenant, input.customer, 'created') : null;
  const [previous] = await tx.select({ customerId: o.customerId }).from(o).where(and(eq(o.shopId, tenant.shopId), eq(o.externalId, input.externalId)));
  const values = {
    number: input.number, status: input.status, currency: input.currency, placedAt: input.placedAt,
    subtotal: minorToMoney(subtotalMinor), discountTotal: minorToMoney(input.discountMinor), shippingTotal: minorToMoney(input.shippingMinor),
    taxTotal: minorToMoney(input.taxMinor), total: minorToMoney(totalMinor),
    // An update without a customer keeps the one the order had.
    ...(customer ? { customerId: customer.id } : {}),
  };
  // `xmax = 0`: this statement inserted the row (two deliveries racing cannot both "create" it).
  const [written] = await tx
    .insert(o)
    .values({ id: newId('order'), ...tenant, externalId: input.externalId, ...values })
    .onConflictDoUpdate({ target: [o.shopId, o.externalId], set: { ...values, updatedAt: sql`now()` } })
    .returning({ ...getTableColumns(o), created: sql<boolean>`(xmax = 0)` });
  const { created, ...row } = written!;
  await tx.delete(li).where(and(eq(li.shopId, tenant.shopId), eq(li.orderId, row.id)));
  if (lines.length > 0) {
    const productOf = await productIdsFor(tx, tenant.shopId, input);
    await tx.insert(li).values(lines.map((l) => ({
      id: newId('lineItem'), ...tenant, orderId: row.id, productId: productOf(l), sku: l.sku,
      title: l.title, quantity: l.quantity, unitPrice: minorToMoney(l.unitPriceMinor), total: minorToMoney(l.totalMinor),
    })));
  }
  const touched = new Set([previous?.customerId, row.customerId].filter((id): id is string => !!id));
  await refreshCustomerTotals(tx, tenant.shopId, [...touched]);
  await recordEvent(tx, tenant, created ? 'order.created' : 'order.updated', orderData(row));
  return { id: row.id, created, customerId: row.customerId };
};
