import { z } from 'zod';
import { schema } from '@sumeru/db';
import { crudEndpoints } from '../crud/crud-endpoints';
import { ZDiscountType, ZOfferAmount, ZProductIds } from './offer-attributes';

const t = schema.bundles;

/** Bundles: products sold together at a discount, shown on each member product's page. */
export const bundleEndpoints = crudEndpoints({
  path: 'bundles',
  name: { pascal: 'Bundle', words: 'bundle' },
  idKind: 'bundle',
  scopes: { read: 'storefront:read', write: 'storefront:write' },
  stability: 'beta',
  spec: {
    type: 'bundle',
    table: t,
    id: t.id,
    shop: t.shopId,
    defaultSort: '-created_at',
    attributes: {
      external_id: { column: t.externalId, kind: 'string', filter: true, write: z.string() },
      name: { column: t.name, kind: 'string', filter: true, sort: true, write: z.string().trim().min(1).max(200) },
      description: { column: t.description, kind: 'string', write: z.string().max(2000).nullable().optional() },
      product_ids: { column: t.productIds, kind: 'string[]', filter: true, write: ZProductIds(2, 20) },
      discount_type: { column: t.discountType, kind: 'string', filter: true, write: ZDiscountType },
      discount_value: { column: t.discountValue, kind: 'money', filter: 'range', write: ZOfferAmount },
      active: { column: t.active, kind: 'boolean', filter: true, write: z.boolean().optional() },
      created_at: { column: t.createdAt, kind: 'datetime', filter: 'range', sort: true },
      updated_at: { column: t.updatedAt, kind: 'datetime', filter: 'range', sort: true },
    },
  },
});
