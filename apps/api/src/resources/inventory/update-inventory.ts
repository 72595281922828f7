import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordEvent, schema } from '@sumeru/db';
import { validationError } from '@sumeru/errors';
import { zodToValidationError } from '../../listing/attributes';
import { defineEndpoint } from '../../pipeline/endpoint';
import { BULK_MAX_ITEMS, type Rejected } from '../crud/bulk-upsert';
import { applyInventoryChanges, ZInventoryChange, type PlannedChange } from './inventory-change';
import { inventorySpec, serializeInventory } from './inventory-resource';

const ZInventoryBody = z.strictObject({ data: z.array(z.unknown()).min(1).max(BULK_MAX_ITEMS) });

/** Each item's problems, with a non-object item named as `item` rather than by an empty path. */
const itemErrors = (error: z.ZodError): Rejected['errors'] =>
  (zodToValidationError(error).details.errors as Rejected['errors']).map((e) => ({ ...e, field: e.field || 'item' }));

/**
 * Sets or adjusts stock per sku and location, up to 1,000 changes, in one transaction. Each
 * item is validated on its own: a bad one is rejected by index and the rest still apply;
 * changes of one level apply in request order.
 */
export const updateInventory = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
  operationId: 'updateInventory',
  method: 'patch',
  path: '/inventory',
  summary: 'Set or adjust inventory levels in bulk',
  scope: 'products:write',
  stability: 'stable',
  query: z.strictObject({}),
  body: z.unknown(),
  resource: inventorySpec,
  handler: async ({ tx, token, body }) => {
    const envelope = ZInventoryBody.safeParse(body);
    if (!envelope.success) throw validationError('data', `data must be an array of 1 to ${BULK_MAX_ITEMS} changes`);
    const items = envelope.data.data;
    const rejected: Rejected[] = [];
    const parsed = items.map((item, index) => ({ index, result: ZInventoryChange.safeParse(item) }));
    const skus = [...new Set(parsed.flatMap((p) => (p.result.success ? [p.result.data.sku] : [])))];
    const p = schema.products;
    // FOR SHARE: a product cannot change its sku under a running batch (its levels follow the sku).
    const products = skus.length === 0 ? [] : await tx.select({ id: p.id, sku: p.sku }).from(p).where(and(eq(p.shopId, token.shopId), inArray(p.sku, skus))).orderBy(asc(p.id)).for('share');
    const productBySku = new Map(products.map((row) => [row.sku!, row.id]));
    const planned: PlannedChange[] = [];
    for (const { index, result } of parsed) {
      if (!result.success) rejected.push({ index, item: items[index], errors: itemErrors(result.error) });
      else if (!productBySku.has(result.data.sku)) rejected.push({ index, item: items[index], errors: [{ field: 'sku', message: 'no product of this shop has this sku' }] });
      else planned.push({ index, change: result.data, productId: productBySku.get(result.data.sku)! });
    }
    const { levels, refused } = await applyInventoryChanges(tx, { agencyId: token.agencyId, shopId: token.shopId }, planned);
    for (const r of refused) rejected.push({ index: r.index, item: items[r.index], errors: [r.error] });
    const data = levels.map((row) => serializeInventory(row));
    // Issued together: postgres.js pipelines them on the transaction's connection.
    await Promise.all(data.map((level) => recordEvent(tx, token, 'inventory.updated', level)));
    return {
      status: 200,
      body: {
        data: {
          sent_count: items.length - rejected.length,
          updated_count: data.length,
          rejected_count: rejected.length,
          rejected_items: rejected.sort((a, b) => a.index - b.index),
          items: data,
        },
      },
    };
  },
});
