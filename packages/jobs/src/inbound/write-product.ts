import { and, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import { recordEvent, schema, type Tx } from '@sumeru/db';
import { minorToMoney, newId } from '@sumeru/domain';
import { productData } from './event-data';
import type { ProductInput } from './inputs';
import { slugify } from './shopify-mapping';
import type { Tenant } from './write-customer';

const p = schema.products;
const lv = schema.inventoryLevels;

/** The same advisory locks as the admin API's product writes, so the two cannot race on a sku or handle. */
const lockIdentities = async (tx: Tx, shopId: string, keys: string[]) => {
  if (keys.length === 0) return;
  const sorted = [...new Set(keys)].sort().map((k) => k.replace('{shop}', shopId));
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from jsonb_array_elements_text(${JSON.stringify(sorted)}::jsonb) with ordinality as t(k, n) order by n`);
};

const isTaken = async (tx: Tx, shopId: string, field: 'sku' | 'handle', value: string, selfId: string | undefined) => {
  const column = field === 'sku' ? p.sku : p.handle;
  const [owner] = await tx.select({ id: p.id }).from(p).where(and(eq(p.shopId, shopId), eq(column, value), selfId ? ne(p.id, selfId) : undefined)).limit(1);
  if (owner) return true;
  if (field === 'handle') return false;
  // A sku still carried by another product's inventory levels is taken too (levels never change hands).
  const [level] = await tx.select({ id: lv.id }).from(lv).where(and(eq(lv.shopId, shopId), eq(lv.sku, value), selfId ? ne(lv.productId, selfId) : undefined)).limit(1);
  return !!level;
};

/**
 * Creates or updates a product by external id and records product.updated. sku and handle
 * identify a product in a shop: when the provider's value belongs to another product, the
 * product keeps its own (a new one gets a handle suffixed with its id) and a warning says so.
 */
export const upsertProduct = async (tx: Tx, tenant: Tenant, input: ProductInput): Promise<{ id: string; created: boolean; warnings: string[] }> => {
  await lockIdentities(tx, tenant.shopId, [`product-handle:{shop}:${input.handle}`, ...(input.sku ? [`product-sku:{shop}:${input.sku}`] : [])]);
  const [existing] = await tx.select().from(p).where(and(eq(p.shopId, tenant.shopId), eq(p.externalId, input.externalId))).for('update');
  const warnings: string[] = [];

  let handle = input.handle;
  if (await isTaken(tx, tenant.shopId, 'handle', handle, existing?.id)) {
    handle = existing?.handle ?? `${input.handle}-${slugify(input.externalId)}`.slice(0, 200);
    warnings.push(`handle ${input.handle} belongs to another product; kept ${handle}`);
  }
  let sku = input.sku;
  if (sku && (await isTaken(tx, tenant.shopId, 'sku', sku, existing?.id))) {
    warnings.push(`sku ${sku} belongs to another product; kept ${existing?.sku ?? 'none'}`);
    sku = existing?.sku ?? null;
  }
  if (!sku && existing?.sku) {
    const [level] = await tx.select({ id: lv.id }).from(lv).where(and(eq(lv.shopId, tenant.shopId), eq(lv.productId, existing.id))).limit(1);
    if (level) {
      warnings.push(`the product has inventory under sku ${existing.sku}; kept it`);
      sku = existing.sku;
    }
  }

  const values = {
    title: input.title, handle, description: input.description, vendor: input.vendor, productType: input.productType,
    status: input.status, sku, price: minorToMoney(input.priceMinor), tags: input.tags,
  };
  const [shop] = existing ? [] : await tx.select({ currency: schema.shops.currency }).from(schema.shops).where(eq(schema.shops.id, tenant.shopId));
  const [written] = await tx
    .insert(p)
    .values({ id: newId('product'), ...tenant, externalId: input.externalId, ...values, ...(shop ? { currency: shop.currency } : {}) })
    .onConflictDoUpdate({ target: [p.shopId, p.externalId], set: { ...values, updatedAt: sql`now()` } })
    .returning({ ...getTableColumns(p), created: sql<boolean>`(xmax = 0)` });
  const { created, ...row } = written!;
  // The inventory levels of a product whose sku changed follow it.
  if (row.sku && existing?.sku && existing.sku !== row.sku) {
    await tx.update(lv).set({ sku: row.sku, updatedAt: sql`now()` }).where(and(eq(lv.shopId, tenant.shopId), eq(lv.productId, row.id)));
  }
  await recordEvent(tx, tenant, 'product.updated', productData(row));
  return { id: row.id, created, warnings };
};
