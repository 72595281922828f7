import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@sumeru/db';
import { newId } from '@sumeru/domain';
import { validationError } from '@sumeru/errors';
import { zodToValidationError } from '../../listing/attributes';
import { listBody, parseListQuery, runList } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { BULK_MAX_ITEMS, type Rejected } from '../crud/bulk-upsert';
import { inventorySpec, serializeInventory } from './product-resource';
import { recordEvent } from '../../events/record-event';

type LevelRow = typeof schema.inventoryLevels.$inferSelect;
const lv = schema.inventoryLevels;

export const listInventory = defineEndpoint<Record<string, never>, Record<string, unknown>>({
  operationId: 'listInventory', method: 'get', path: '/inventory', summary: 'List inventory levels', scope: 'products:read', stability: 'stable', query: 'raw',
  resource: inventorySpec,
  handler: async ({ tx, query, token, deps }) => {
    const plan = parseListQuery(inventorySpec, query, { includes: [], secret: deps.secret, shopId: token.shopId });
    const page = await runList<LevelRow>(tx, inventorySpec, plan, deps.secret);
    return { status: 200, body: listBody(page.rows.map((r) => serializeInventory(r, plan)), page.nextCursor) };
  },
});

const ZChange = z
  .strictObject({
    sku: z.string().trim().min(1).max(100),
    location: z.string().trim().min(1).max(100).default('default'),
    set: z.number().int().min(0).max(1e9).optional(),
    adjust: z.number().int().min(-1e9).max(1e9).optional(),
  })
  .refine((c) => (c.set === undefined) !== (c.adjust === undefined), { message: 'send exactly one of set or adjust', path: ['set'] });

/**
 * Sets or adjusts stock per SKU and location, item by item, in order. Each change is one
 * atomic statement (an adjust reads and writes under the row lock), so concurrent adjusts
 * never lose an update, and no quantity goes below zero.
 */
export const patchInventory = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
  operationId: 'updateInventory', method: 'patch', path: '/inventory', summary: 'Set or adjust inventory levels in bulk', scope: 'products:write', stability: 'stable', query: z.strictObject({}), body: z.unknown(),
  resource: inventorySpec,
  handler: async ({ tx, token, body }) => {
    const envelope = z.strictObject({ data: z.array(z.unknown()).min(1).max(BULK_MAX_ITEMS) }).safeParse(body);
    if (!envelope.success) throw validationError('data', `data must be an array of 1 to ${BULK_MAX_ITEMS} changes`);
    const items = envelope.data.data;
    const skus = items.map((i) => (i as { sku?: unknown } | null)?.sku).filter((s): s is string => typeof s === 'string');
    const products = skus.length ? await tx.select({ id: schema.products.id, sku: schema.products.sku }).from(schema.products).where(and(eq(schema.products.shopId, token.shopId), inArray(schema.products.sku, skus))) : [];
    const productBySku = new Map(products.map((p) => [p.sku!, p.id]));
    const rejected: Rejected[] = [];
    const updated = new Map<string, LevelRow>();
    for (const [index, item] of items.entries()) {
      const parsed = ZChange.safeParse(item);
      if (!parsed.success) { rejected.push({ index, item, errors: zodToValidationError(parsed.error).details.errors as Rejected['errors'] }); continue; }
      const change = parsed.data;
      const productId = productBySku.get(change.sku);
      if (!productId) { rejected.push({ index, item, errors: [{ field: 'sku', message: 'no product of this shop has this sku' }] }); continue; }
      const delta = change.adjust ?? null;
      let row: LevelRow | undefined;
      if (delta !== null && delta < 0) {
        // Taking stock away: only from an existing level, and never below zero.
        [row] = await tx.update(lv).set({ quantity: sql`${lv.quantity} + ${delta}`, updatedAt: sql`now()` })
          .where(and(eq(lv.shopId, token.shopId), eq(lv.sku, change.sku), eq(lv.location, change.location), sql`${lv.quantity} + ${delta} >= 0`)).returning();
        if (!row) { rejected.push({ index, item, errors: [{ field: 'adjust', message: 'the quantity would go below zero' }] }); continue; }
      } else {
        [row] = await tx
          .insert(lv)
          .values({ id: newId('inventoryLevel'), agencyId: token.agencyId, shopId: token.shopId, productId, sku: change.sku, location: change.location, quantity: delta ?? change.set! })
          .onConflictDoUpdate({ target: [lv.shopId, lv.sku, lv.location], set: { quantity: delta === null ? sql`excluded.quantity` : sql`${lv.quantity} + ${delta}`, updatedAt: sql`now()` } })
          .returning();
      }
      updated.set(row!.id, row!);
    }
    for (const level of updated.values()) await recordEvent(tx, token, 'inventory.updated', serializeInventory(level));
    return { status: 200, body: { data: { sent_count: items.length - rejected.length, updated_count: updated.size, rejected_count: rejected.length, rejected_items: rejected, items: [...updated.values()].map((r) => serializeInventory(r)) } } };
  },
});
