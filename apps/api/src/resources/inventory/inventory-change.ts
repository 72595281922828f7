import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Tx } from '@sumeru/db';
import { newId } from '@sumeru/domain';

const lv = schema.inventoryLevels;
type LevelRow = typeof lv.$inferSelect;

/** The largest quantity the integer column holds. */
export const MAX_QUANTITY = 2_147_483_647;

/** One item of `PATCH /inventory`: set the quantity of a sku at a location, or adjust it. */
export const ZInventoryChange = z
  .strictObject({
    sku: z.string().trim().min(1).max(100),
    location: z.string().trim().min(1).max(100).default('default'),
    set: z.number().int().min(0).max(MAX_QUANTITY).optional().describe('The new quantity'),
    adjust: z.number().int().min(-MAX_QUANTITY).max(MAX_QUANTITY).optional().describe('Added to the quantity; negative takes stock away'),
  })
  .superRefine((c, ctx) => {
    if (c.set === undefined && c.adjust === undefined) ctx.addIssue({ code: 'custom', path: ['set'], message: 'send set or adjust' });
    if (c.set !== undefined && c.adjust !== undefined) ctx.addIssue({ code: 'custom', path: ['set'], message: 'send set or adjust, not both' });
  });

export type InventoryChange = z.infer<typeof ZInventoryChange>;
export type PlannedChange = { index: number; change: InventoryChange; productId: string };
export type RefusedChange = { index: number; error: { field: string; message: string } };

const keyOf = (sku: string, location: string) => `${sku}\u0000${location}`;
const isCreating = (c: InventoryChange) => c.set !== undefined || c.adjust! >= 0;

/**
 * Applies a batch of changes in four statements, whatever its size:
 * 1. creates missing levels (quantity 0) that some change will fill, so they can be locked too;
 * 2. locks every level the batch touches, always in (sku, location) order, so concurrent
 *    batches queue behind each other instead of deadlocking;
 * 3. replays each level's changes in request order on the locked quantity, refusing those that
 *    would go below zero (or past the column's range);
 * 4. writes the results back.
 * The locks hold until commit, so concurrent adjusts never lose an update.
 */
export const applyInventoryChanges = async (
  tx: Tx,
  tenant: { agencyId: string; shopId: string },
  changes: PlannedChange[],
): Promise<{ levels: LevelRow[]; refused: RefusedChange[] }> => {
  const groups = new Map<string, PlannedChange[]>();
  for (const c of changes) {
    const key = keyOf(c.change.sku, c.change.location);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const keys = [...groups.keys()].sort();
  if (keys.length === 0) return { levels: [], refused: [] };
  const firstOf = (key: string) => groups.get(key)![0]!;

  const creating = keys.filter((k) => groups.get(k)!.some((c) => isCreating(c.change)));
  if (creating.length > 0) {
    await tx
      .insert(lv)
      .values(creating.map((k) => ({ id: newId('inventoryLevel'), ...tenant, productId: firstOf(k).productId, sku: firstOf(k).change.sku, location: firstOf(k).change.location, quantity: 0 })))
      .onConflictDoNothing({ target: [lv.shopId, lv.sku, lv.location] });
  }
  const wanted = JSON.stringify(keys.map((k) => [firstOf(k).change.sku, firstOf(k).change.location]));
  const locked = await tx
    .select()
    .from(lv)
    .where(and(eq(lv.shopId, tenant.shopId), sql`(${lv.sku}, ${lv.location}) in (select k->>0, k->>1 from jsonb_array_elements(${wanted}::jsonb) as k)`))
    .orderBy(asc(lv.sku), asc(lv.location))
    .for('update');
  const rowByKey = new Map(locked.map((row) => [keyOf(row.sku, row.location), row]));

  const refused: RefusedChange[] = [];
  const results = new Map<string, number>();
  for (const key of keys) {
    const group = groups.get(key)!;
    const row = rowByKey.get(key);
    if (row && row.productId !== group[0]!.productId) {
      for (const c of group) refused.push({ index: c.index, error: { field: 'sku', message: 'the stock of this sku at this location belongs to another product' } });
      continue;
    }
    // No row means no creating change: only adjusts below zero, all refused below.
    let quantity = row?.quantity ?? 0;
    let isChanged = false;
    for (const c of group) {
      const next = c.change.set ?? quantity + c.change.adjust!;
      if (next < 0) refused.push({ index: c.index, error: { field: 'adjust', message: `the quantity would go below zero (it is ${quantity})` } });
      else if (next > MAX_QUANTITY) refused.push({ index: c.index, error: { field: 'adjust', message: `the quantity would exceed ${MAX_QUANTITY}` } });
      else [quantity, isChanged] = [next, true];
    }
    if (row && isChanged) results.set(row.id, quantity);
  }
  if (results.size === 0) return { levels: [], refused };

  const values = JSON.stringify([...results].map(([id, quantity]) => ({ id, quantity })));
  const written = await tx
    .update(lv)
    .set({ quantity: sql`v.quantity`, updatedAt: sql`now()` })
    .from(sql`jsonb_to_recordset(${values}::jsonb) as v(id text, quantity integer)`)
    .where(and(eq(lv.shopId, tenant.shopId), sql`${lv.id} = v.id`))
    .returning(getTableColumns(lv));
  const byId = new Map(written.map((row) => [row.id, row]));
  return { levels: locked.filter((row) => byId.has(row.id)).map((row) => byId.get(row.id)!), refused };
};
