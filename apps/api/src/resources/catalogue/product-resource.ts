import { z } from 'zod';
import { schema } from '@sumeru/db';
import { CURRENCIES, ZTags } from '@sumeru/domain';
import { createSerializer } from '../../listing/serialize';
import type { ResourceSpec } from '../../listing/resource-spec';

const p = schema.products;
const i = schema.inventoryLevels;

/** A price: a decimal with at most two places, stored exactly. */
export const ZPrice = z.number().nonnegative().max(1e9).refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'at most 2 decimals');
export const ZHandle = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters and digits separated by single dashes').max(200);

export const productSpec: ResourceSpec = {
  type: 'product',
  table: p,
  id: p.id,
  shop: p.shopId,
  defaultSort: '-created_at',
  attributes: {
    external_id: { column: p.externalId, kind: 'string', filter: true, write: z.string().trim().min(1).max(255).nullable().optional() },
    title: { column: p.title, kind: 'string', sort: true, write: z.string().trim().min(1).max(300) },
    handle: { column: p.handle, kind: 'string', filter: true, write: ZHandle.optional() },
    description: { column: p.description, kind: 'string', write: z.string().max(50_000).nullable().optional() },
    vendor: { column: p.vendor, kind: 'string', filter: true, write: z.string().trim().max(200).nullable().optional() },
    product_type: { column: p.productType, kind: 'string', filter: true, write: z.string().trim().max(200).nullable().optional() },
    status: { column: p.status, kind: 'string', filter: true, write: z.enum(['active', 'draft', 'archived']).optional() },
    sku: { column: p.sku, kind: 'string', filter: true, write: z.string().trim().min(1).max(100).nullable().optional() },
    price: { column: p.price, kind: 'money', filter: 'range', sort: true, write: ZPrice },
    currency: { column: p.currency, kind: 'string', write: z.enum(CURRENCIES).optional() },
    tags: { column: p.tags, kind: 'string[]', filter: true, write: ZTags.optional() },
    created_at: { column: p.createdAt, kind: 'datetime', filter: 'range', sort: true },
    updated_at: { column: p.updatedAt, kind: 'datetime', filter: 'range', sort: true },
  },
};

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

export const PRODUCT_INCLUDES = ['inventory'] as const;
export const serializeProduct = createSerializer(productSpec);
export const serializeInventory = createSerializer(inventorySpec);
