import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Tx } from '@sumeru/db';
import { validationError } from '@sumeru/errors';
import { defineEndpoint } from '../../pipeline/endpoint';
import { BULK_MAX_ITEMS, bulkUpsert, type Rejected } from '../crud/bulk-upsert';
import { productSpec, serializeProduct } from './product-resource';
import { lockIdentities, mapUniqueViolation, slugify } from './product-identity';

const p = schema.products;
const lv = schema.inventoryLevels;

type Claim = { index: number; item: unknown; externalId?: string; sku?: string | null; handle?: string };

/** What an item claims, read leniently: bulkUpsert validates the item itself. */
const claimOf = (index: number, item: unknown): Claim => {
  const o = (item && typeof item === 'object' && !Array.isArray(item) ? item : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return { index, item, externalId: text(o.external_id), sku: o.sku === null ? null : text(o.sku), handle: text(o.handle) };
};

/**
 * sku and handle identify a product in a shop, but bulkUpsert only knows external_id: an item
 * taking another product's sku or handle (stored, or claimed earlier in the batch), or dropping
 * the sku of a product that has stock, is rejected here, by its index, before the upsert.
 */
const rejectIdentityClashes = async (tx: Tx, shopId: string, claims: Claim[]): Promise<Rejected[]> => {
  const skus = [...new Set(claims.map((c) => c.sku).filter((s): s is string => !!s))];
  const handles = [...new Set(claims.map((c) => c.handle).filter((h): h is string => !!h))];
  const externalIds = [...new Set(claims.map((c) => c.externalId).filter((e): e is string => !!e))];
  await lockIdentities(tx, shopId, 'sku', skus);
  const owners = skus.length + handles.length + externalIds.length === 0 ? [] : await tx
    .select({ id: p.id, externalId: p.externalId, sku: p.sku, handle: p.handle })
    .from(p)
    .where(and(eq(p.shopId, shopId), sql`(${skus.length ? inArray(p.sku, skus) : sql`false`} or ${handles.length ? inArray(p.handle, handles) : sql`false`} or ${externalIds.length ? inArray(p.externalId, externalIds) : sql`false`})`));
  const levels = skus.length + externalIds.length === 0 ? [] : await tx
    .selectDistinct({ sku: lv.sku, productId: lv.productId })
    .from(lv)
    .where(and(eq(lv.shopId, shopId), sql`(${skus.length ? inArray(lv.sku, skus) : sql`false`} or ${lv.productId} in (select id from products where shop_id = ${shopId} and ${externalIds.length ? inArray(p.externalId, externalIds) : sql`false`}))`));
  const productOf = (externalId?: string) => owners.find((o) => externalId !== undefined && o.externalId === externalId)?.id;
  const claimed = { sku: new Map<string, string | undefined>(), handle: new Map<string, string | undefined>() };
  const rejected: Rejected[] = [];
  for (const c of claims) {
    const self = productOf(c.externalId);
    const errors: Rejected['errors'] = [];
    if (c.sku) {
      const taken = owners.some((o) => o.sku === c.sku && o.id !== self) || levels.some((l) => l.sku === c.sku && l.productId !== self);
      const earlier = claimed.sku.has(c.sku) && claimed.sku.get(c.sku) !== c.externalId;
      if (taken || earlier) errors.push({ field: 'sku', message: taken ? 'another product of this shop has this sku' : 'an earlier item in this batch has this sku' });
    }
    if (c.sku === null && self && levels.some((l) => l.productId === self)) errors.push({ field: 'sku', message: 'the product has inventory levels, which are kept per sku: give it another sku instead' });
    if (c.handle) {
      const taken = owners.some((o) => o.handle === c.handle && o.id !== self);
      const earlier = claimed.handle.has(c.handle) && claimed.handle.get(c.handle) !== c.externalId;
      if (taken || earlier) errors.push({ field: 'handle', message: taken ? 'another product of this shop has this handle' : 'an earlier item in this batch has this handle' });
    }
    if (errors.length > 0) rejected.push({ index: c.index, item: c.item, errors });
    else {
      if (c.sku) claimed.sku.set(c.sku, c.externalId);
      if (c.handle) claimed.handle.set(c.handle, c.externalId);
    }
  }
  return rejected;
};

/** ERP and shop imports: create or update up to 1,000 products by their external_id. */
export const bulkUpsertProducts = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
  operationId: 'bulkUpsertProducts',
  method: 'post',
  path: '/products/bulk',
  summary: 'Create or update up to 1,000 products by external_id',
  scope: 'products:write',
  stability: 'stable',
  query: z.strictObject({}),
  body: z.unknown(),
  resource: productSpec,
  handler: async ({ tx, token, body }) => {
    const envelope = z.strictObject({ data: z.array(z.unknown()).min(1).max(BULK_MAX_ITEMS) }).safeParse(body);
    if (!envelope.success) throw validationError('data', `data must be an array of 1 to ${BULK_MAX_ITEMS} items`);
    const claims = envelope.data.data.map((item, index) => claimOf(index, item));
    const clashes = await rejectIdentityClashes(tx, token.shopId, claims);
    const kept = claims.filter((c) => !clashes.some((r) => r.index === c.index));
    const [shop] = await tx.select({ currency: schema.shops.currency }).from(schema.shops).where(eq(schema.shops.id, token.shopId));
    // A new product needs a handle: derived from title and external id, so it stays unique per shop.
    const completeNewRow = (row: Record<string, unknown>) => {
      row.handle ??= `${slugify(String(row.title))}-${slugify(String(row.externalId))}`.slice(0, 200);
      if (shop) row.currency ??= shop.currency;
    };
    const result = kept.length === 0
      ? { sent_count: 0, rejected_count: 0, rejected_items: [] as Rejected[], items: [] as { id: unknown; external_id: unknown }[] }
      : await bulkUpsert(tx, productSpec, 'product', { agencyId: token.agencyId, shopId: token.shopId }, { data: kept.map((c) => c.item) }, {
        completeNewRow,
        events: { created: 'product.updated', updated: 'product.updated', data: (row) => serializeProduct(row) },
      }).catch(mapUniqueViolation);
    // The levels of a product whose sku changed follow it.
    const ids = result.items.map((i) => String(i.id));
    if (ids.length > 0) {
      await tx.execute(sql`update inventory_levels l set sku = p.sku, updated_at = now() from products p
        where l.shop_id = ${token.shopId} and p.shop_id = ${token.shopId} and l.product_id = p.id and p.sku is not null and l.sku <> p.sku
          and p.id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
    }
    const rejected = [...clashes, ...result.rejected_items.map((r) => ({ ...r, index: kept[r.index]!.index }))].sort((a, b) => a.index - b.index);
    return { status: 200, body: { data: { ...result, rejected_count: rejected.length, rejected_items: rejected } } };
  },
});
