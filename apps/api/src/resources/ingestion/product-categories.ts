import { z } from 'zod';
import { schema } from '@sumeru/db';
import { crudEndpoints } from '../crud/crud-endpoints';

const t = schema.productCategories;

export const productCategoryEndpoints = crudEndpoints({
  path: 'product-categories',
  name: { pascal: 'ProductCategory', words: 'product category' },
  idKind: 'productCategory',
  scopes: { read: 'products:read', write: 'products:write' },
  stability: 'beta',
  spec: {
    type: 'product_category',
    table: t,
    id: t.id,
    shop: t.shopId,
    defaultSort: 'position',
    attributes: {
      external_id: { column: t.externalId, kind: 'string', filter: true, write: z.string() },
      name: { column: t.name, kind: 'string', filter: true, sort: true, write: z.string().trim().min(1).max(200) },
      description: { column: t.description, kind: 'string', write: z.string().max(5000).nullable().optional() },
      parent_external_id: { column: t.parentExternalId, kind: 'string', filter: true, write: z.string().min(1).max(255).nullable().optional() },
      position: { column: t.position, kind: 'integer', sort: true, write: z.number().int().min(0).max(1_000_000).optional() },
      created_at: { column: t.createdAt, kind: 'datetime', filter: 'range', sort: true },
      updated_at: { column: t.updatedAt, kind: 'datetime', filter: 'range', sort: true },
    },
  },
});
