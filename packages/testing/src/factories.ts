import { SCOPES, type Scope } from '@sumeru/auth';
import { issueApiToken, schema, withAgency, withShop, type Database, type TokenTier } from '@sumeru/db';
import { LIFECYCLE_STAGES, minorToMoney, newId } from '@sumeru/domain';

export type TestTenant = { agencyId: string; shopIds: string[] };

/** An agency with `shops` shops, written through RLS as the app writes. */
export const createTenant = async (db: Database, shops = 2): Promise<TestTenant> => {
  const agencyId = newId('agency');
  const shopIds = Array.from({ length: shops }, () => newId('shop'));
  await withAgency(db, agencyId, async (tx) => {
    await tx.insert(schema.agencies).values({ id: agencyId, name: `Agency ${agencyId.slice(-4)}` });
    await tx.insert(schema.shops).values(shopIds.map((id, i) => ({ id, agencyId, name: `Shop ${i + 1}` })));
  });
  return { agencyId, shopIds };
};

export const createToken = async (
  db: Database,
  tenant: { agencyId: string; shopId: string },
  options: { scopes?: readonly Scope[]; tier?: TokenTier } = {},
) =>
  withShop(db, tenant.shopId, (tx) =>
    issueApiToken(tx, { ...tenant, name: 'test token', scopes: options.scopes ?? SCOPES, tier: options.tier ?? 'enterprise' }),
  );

export type CustomerInput = Partial<typeof schema.customers.$inferInsert>;

/** `count` customers; `index` lets callers vary attributes deterministically. */
export const createCustomers = async (
  db: Database,
  tenant: { agencyId: string; shopId: string },
  count: number,
  overrides: (index: number) => CustomerInput = () => ({}),
) => {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: newId('customer'),
    agencyId: tenant.agencyId,
    shopId: tenant.shopId,
    email: `customer${i}@example.test`,
    firstName: `First${i}`,
    lastName: `Last${i}`,
    lifecycleStage: LIFECYCLE_STAGES[i % LIFECYCLE_STAGES.length]!,
    totalSpent: minorToMoney(i * 1000),
    ordersCount: i % 7,
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000),
    ...overrides(i),
  }));
  await withShop(db, tenant.shopId, async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(schema.customers).values(rows.slice(i, i + 1000));
  });
  return rows;
};

/** An order with `items` line items whose totals add up exactly. */
export const createOrder = async (
  db: Database,
  tenant: { agencyId: string; shopId: string },
  input: { customerId?: string | null; status?: (typeof schema.orders.$inferInsert)['status']; placedAt?: Date; items?: number; externalId?: string } = {},
) => {
  const id = newId('order');
  const items = Array.from({ length: input.items ?? 2 }, (_, i) => ({ quantity: i + 1, unitMinor: 1250 + i * 100 }));
  const totalMinor = items.reduce((sum, i) => sum + i.quantity * i.unitMinor, 0);
  await withShop(db, tenant.shopId, async (tx) => {
    await tx.insert(schema.orders).values({
      id, ...tenant, customerId: input.customerId ?? null, externalId: input.externalId ?? null, number: `#${id.slice(-6)}`,
      status: input.status ?? 'paid', subtotal: minorToMoney(totalMinor), total: minorToMoney(totalMinor), placedAt: input.placedAt ?? new Date(),
    });
    if (items.length > 0) {
      await tx.insert(schema.orderLineItems).values(items.map((item, i) => ({
        id: newId('lineItem'), ...tenant, orderId: id, title: `Item ${i + 1}`, sku: `SKU-${i + 1}`, quantity: item.quantity,
        unitPrice: minorToMoney(item.unitMinor), total: minorToMoney(item.quantity * item.unitMinor),
      })));
    }
  });
  return { id, total: minorToMoney(totalMinor) };
};

export const createTouchpoints = async (
  db: Database,
  tenant: { agencyId: string; shopId: string },
  touches: { customerId: string; occurredAt: Date; channel: (typeof schema.touchpoints.$inferInsert)['channel']; source?: string; campaign?: string }[],
) => {
  const rows = touches.map((t) => ({ id: newId('touchpoint'), ...tenant, ...t }));
  await withShop(db, tenant.shopId, (tx) => tx.insert(schema.touchpoints).values(rows));
  return rows;
};
