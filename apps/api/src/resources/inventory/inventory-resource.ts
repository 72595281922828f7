import { schema } from '@sumeru/db';
import { createSerializer } from '../../listing/serialize';
import type { ResourceSpec } from '../../listing/resource-spec';

const i = schema.inventoryLevels;

/** Stock of one sku at one location; written only through PATCH /inventory. */
export const inventorySpec: ResourceSpec = {
  type: 'inventory_level',
  table: i,
  id: i.id,
  shop: i.shopId,
  defaultSort: 'sku',
  attributes: {
    product_id: { column: i.productId, kind: 'string', filter: true },
    sku: { column: i.sku, kind: 'string', filter: true, sort: true },
    location: { column: i.location, kind: 'string', filter: true },
    quantity: { column: i.quantity, kind: 'integer', filter: 'range', sort: true },
    updated_at: { column: i.updatedAt, kind: 'datetime', filter: 'range', sort: true },
  },
};

export const serializeInventory = createSerializer(inventorySpec);
