import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Tx } from '@sumeru/db';
import { newId, type Currency } from '@sumeru/domain';
import { notFound } from '@sumeru/errors';
import { parseWritableAttributes } from '../../listing/attributes';
import { listBody, parseListQuery, parseSingleQuery, runList } from '../../listing/list-query';
import { propertyNames } from '../../listing/resource-spec';
import { defineEndpoint } from '../../pipeline/endpoint';
import { bulkUpsert } from '../crud/bulk-upsert';
import { toColumnValue } from '../crud/column-values';
import { presentProducts } from './present-products';
import { PRODUCT_INCLUDES, productSpec } from './product-resource';
import { assertUnique, mapUniqueViolation, resolveHandle, slugify } from './product-writes';
import { recordEvent } from '../../events/record-event';

type ProductRow = typeof schema.products.$inferSelect;
const params = z.object({ id: z.string() });

const findProductOr404 = async (tx: Tx, id: string): Promise<ProductRow> => {
  const [row] = await tx.select().from(schema.products).where(eq(schema.products.id, id)).limit(1);
  if (!row) throw notFound('product');
  return row;
};

/** Attribute values → drizzle columns, converted by kind (money stays an exact string). */
const toColumns = (attributes: Record<string, unknown>) => {
  const properties = propertyNames(productSpec);
  return Object.fromEntries(Object.entries(attributes).map(([k, v]) => [properties[k]!, toColumnValue(productSpec.attributes[k]!.kind, v)]));
};

export const listProducts = defineEndpoint<Record<string, never>, Record<string, unknown>>({
  operationId: 'listProducts', method: 'get', path: '/products', summary: 'List products', scope: 'products:read', stability: 'stable', query: 'raw',
  resource: productSpec,
  includes: PRODUCT_INCLUDES,
  handler: async ({ tx, query, token, deps }) => {
    const plan = parseListQuery(productSpec, query, { includes: PRODUCT_INCLUDES, secret: deps.secret, shopId: token.shopId });
    const page = await runList<ProductRow>(tx, productSpec, plan, deps.secret);
    const { data, included } = await presentProducts(tx, page.rows, plan);
    return { status: 200, body: listBody(data, page.nextCursor, included) };
  },
});

export const getProduct = defineEndpoint<{ id: string }, Record<string, unknown>>({
  operationId: 'getProduct', method: 'get', path: '/products/:id', summary: 'Get a product', scope: 'products:read', stability: 'stable', params, query: 'raw',
  resource: productSpec,
  includes: PRODUCT_INCLUDES,
  handler: async ({ tx, params: p, query }) => {
    const options = parseSingleQuery(productSpec, query, PRODUCT_INCLUDES);
    const { data, included } = await presentProducts(tx, [await findProductOr404(tx, p.id)], options);
    return { status: 200, body: { data: data[0], ...(included ? { included } : {}) } };
  },
});

export const createProduct = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
  operationId: 'createProduct', method: 'post', path: '/products', summary: 'Create a product', scope: 'products:write', stability: 'stable', query: z.strictObject({}), body: z.unknown(),
  resource: productSpec,
  handler: async ({ tx, token, body, res }) => {
    const a = parseWritableAttributes(productSpec, body, 'create');
    await assertUnique(tx, token.shopId, { sku: a.sku as string | undefined, external_id: a.external_id as string | undefined });
    const handle = await resolveHandle(tx, token.shopId, a.title as string, a.handle as string | undefined);
    const [shop] = await tx.select({ currency: schema.shops.currency }).from(schema.shops).where(eq(schema.shops.id, token.shopId));
    const values = { ...toColumns(a), handle, currency: (a.currency as Currency | undefined) ?? shop?.currency ?? 'EUR' };
    const [row] = await tx.insert(schema.products).values({ id: newId('product'), agencyId: token.agencyId, shopId: token.shopId, ...values } as never).returning().catch(mapUniqueViolation);
    res.setHeader('Location', `/api/v1/products/${row!.id}`);
    const data = (await presentProducts(tx, [row!], { fields: null, include: [] })).data[0];
    await recordEvent(tx, token, 'product.updated', data);
    return { status: 201, body: { data } };
  },
});

export const updateProduct = defineEndpoint<{ id: string }, Record<string, never>, unknown>({
  operationId: 'updateProduct', method: 'patch', path: '/products/:id', summary: 'Update a product', scope: 'products:write', stability: 'stable', params, query: z.strictObject({}), body: z.unknown(),
  resource: productSpec,
  handler: async ({ tx, token, params: p, body }) => {
    const a = parseWritableAttributes(productSpec, body, 'update');
    const current = await findProductOr404(tx, p.id);
    await assertUnique(tx, token.shopId, { sku: a.sku as string | undefined, external_id: a.external_id as string | undefined }, current.id);
    if (a.handle) await resolveHandle(tx, token.shopId, current.title, a.handle as string, current.id);
    const [row] = await tx.update(schema.products).set({ ...toColumns(a), updatedAt: sql`now()` }).where(eq(schema.products.id, current.id)).returning().catch(mapUniqueViolation);
    const data = (await presentProducts(tx, [row!], { fields: null, include: [] })).data[0];
    await recordEvent(tx, token, 'product.updated', data);
    return { status: 200, body: { data } };
  },
});

export const bulkUpsertProducts = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
  operationId: 'bulkUpsertProducts', method: 'post', path: '/products/bulk', summary: 'Create or update up to 1,000 products by external_id', scope: 'products:write', stability: 'stable', query: z.strictObject({}), body: z.unknown(),
  resource: productSpec,
  handler: async ({ tx, token, body }) => {
    const [shop] = await tx.select({ currency: schema.shops.currency }).from(schema.shops).where(eq(schema.shops.id, token.shopId));
    // New products need a handle: derived from title and external id, so it stays unique per shop.
    const completeNewRow = (row: Record<string, unknown>) => {
      row.handle ??= `${slugify(String(row.title))}-${slugify(String(row.externalId))}`.slice(0, 200);
      row.currency ??= shop?.currency ?? 'EUR';
    };
    const result = await bulkUpsert(tx, productSpec, 'product', { agencyId: token.agencyId, shopId: token.shopId }, body, { completeNewRow }).catch(mapUniqueViolation);
    return { status: 200, body: { data: result } };
  },
});
