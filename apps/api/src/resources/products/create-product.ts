import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordEvent, schema, type Tx } from '@sumeru/db';
import { newId } from '@sumeru/domain';
import { defineEndpoint } from '../../pipeline/endpoint';
import { parseProductAttributes, productSpec, toProductColumns } from './product-resource';
import { presentProducts } from './product-includes';
import { assertExternalIdAvailable, assertSkuAvailable, mapUniqueViolation, resolveHandle } from './product-identity';

/** Read under RLS: the token's own shop row is visible to it. */
const shopCurrency = async (tx: Tx, shopId: string): Promise<string | undefined> => {
  const [shop] = await tx.select({ currency: schema.shops.currency }).from(schema.shops).where(eq(schema.shops.id, shopId)).limit(1);
  return shop?.currency;
};

export const createProduct = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
  operationId: 'createProduct',
  method: 'post',
  path: '/products',
  summary: 'Create a product',
  scope: 'products:write',
  stability: 'stable',
  query: z.strictObject({}),
  body: z.unknown(),
  resource: productSpec,
  handler: async ({ tx, token, body, res }) => {
    const values = toProductColumns(parseProductAttributes(body, 'create'));
    if (values.sku) await assertSkuAvailable(tx, token.shopId, values.sku);
    if (values.externalId) await assertExternalIdAvailable(tx, token.shopId, values.externalId);
    const handle = await resolveHandle(tx, token.shopId, { title: values.title!, handle: values.handle });
    const currency = values.currency ?? (await shopCurrency(tx, token.shopId));
    const [row] = await tx
      .insert(schema.products)
      .values({ ...values, id: newId('product'), agencyId: token.agencyId, shopId: token.shopId, title: values.title!, price: values.price!, handle, ...(currency ? { currency } : {}) })
      .returning()
      .catch(mapUniqueViolation);
    const data = (await presentProducts(tx, [row!], { fields: null, include: [] })).data[0]!;
    await recordEvent(tx, token, 'product.updated', data);
    res.setHeader('Location', `/api/v1/products/${row!.id}`);
    return { status: 201, body: { data } };
  },
});
