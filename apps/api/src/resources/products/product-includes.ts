import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import type { ResourceObject } from '../../listing/serialize';
import { serializeInventory } from '../inventory/inventory-resource';
import { serializeProduct } from './product-resource';

type ProductRow = typeof schema.products.$inferSelect;

/** At most this many levels per product are embedded by `include=inventory`; the link pages the rest. */
export const INCLUDED_LEVELS_PER_PRODUCT = 100;

/**
 * Serialises products with their inventory relationship and, for `include=inventory`, the
 * levels in one query for the whole page (never one per product).
 */
export const presentProducts = async (
  tx: Tx,
  rows: ProductRow[],
  options: { fields: string[] | null; include: string[] },
): Promise<{ data: ResourceObject[]; included: ResourceObject[] }> => {
  const wantsInventory = options.include.includes('inventory') && rows.length > 0;
  const lv = schema.inventoryLevels;
  const levels = wantsInventory
    ? await tx.select().from(lv).where(and(eq(lv.shopId, rows[0]!.shopId), inArray(lv.productId, rows.map((r) => r.id)))).orderBy(asc(lv.location), asc(lv.id))
    : [];
  const included: ResourceObject[] = [];
  const data = rows.map((row) => {
    const relationship: Record<string, unknown> = { links: { related: `/api/v1/inventory?filter[product_id]=${row.id}` } };
    if (wantsInventory) {
      const mine = levels.filter((l) => l.productId === row.id);
      const embedded = mine.slice(0, INCLUDED_LEVELS_PER_PRODUCT);
      relationship.data = embedded.map((l) => ({ type: 'inventory_level', id: l.id }));
      relationship.meta = { count: mine.length, truncated: mine.length > embedded.length };
      included.push(...embedded.map((l) => serializeInventory(l)));
    }
    return serializeProduct(row, { fields: options.fields, relationships: { inventory: relationship } });
  });
  return { data, included };
};
