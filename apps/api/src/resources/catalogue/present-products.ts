import { and, asc, eq, inArray } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import type { ResourceObject } from '../../listing/serialize';
import { serializeInventory, serializeProduct } from './product-resource';

type ProductRow = typeof schema.products.$inferSelect;

/** Products with `include=inventory` answered by one query for the whole page. */
export const presentProducts = async (tx: Tx, rows: ProductRow[], options: { fields: string[] | null; include: string[] }) => {
  const wants = options.include.includes('inventory') && rows.length > 0;
  const levels = wants
    ? await tx.select().from(schema.inventoryLevels).where(and(eq(schema.inventoryLevels.shopId, rows[0]!.shopId), inArray(schema.inventoryLevels.productId, rows.map((r) => r.id)))).orderBy(asc(schema.inventoryLevels.sku), asc(schema.inventoryLevels.location))
    : [];
  const data: ResourceObject[] = rows.map((row) =>
    serializeProduct(row, {
      fields: options.fields,
      relationships: {
        inventory: { links: { related: `/api/v1/inventory?filter[product_id]=${row.id}` }, ...(wants ? { data: levels.filter((l) => l.productId === row.id).map((l) => ({ type: 'inventory_level', id: l.id })) } : {}) },
      },
    }),
  );
  return { data, included: wants ? levels.map((l) => serializeInventory(l)) : undefined };
};
