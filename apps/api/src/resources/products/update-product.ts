import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordEvent, schema } from '@sumeru/db';
import { defineEndpoint } from '../../pipeline/endpoint';
import { parseProductAttributes, productSpec, toProductColumns } from './product-resource';
import { presentProducts } from './product-includes';
import { findProductOr404 } from './find-product';
import { assertExternalIdAvailable, assertSkuAvailable, mapUniqueViolation, moveLevelsToSku, resolveHandle } from './product-identity';

export const updateProduct = defineEndpoint<{ id: string }, Record<string, never>, unknown>({
  operationId: 'updateProduct',
  method: 'patch',
  path: '/products/:id',
  summary: 'Update a product',
  scope: 'products:write',
  stability: 'stable',
  params: z.object({ id: z.string() }),
  query: z.strictObject({}),
  body: z.unknown(),
  resource: productSpec,
  handler: async ({ tx, params, body, token }) => {
    const changes = toProductColumns(parseProductAttributes(body, 'update'));
    const current = await findProductOr404(tx, params.id);
    const skuChanged = changes.sku !== undefined && changes.sku !== current.sku;
    if (skuChanged && changes.sku) await assertSkuAvailable(tx, token.shopId, changes.sku, current.id);
    if (changes.externalId && changes.externalId !== current.externalId) await assertExternalIdAvailable(tx, token.shopId, changes.externalId, current.id);
    if (changes.handle && changes.handle !== current.handle) await resolveHandle(tx, token.shopId, { title: current.title, handle: changes.handle, exceptId: current.id });
    const [row] = await tx.update(schema.products).set({ ...changes, updatedAt: sql`now()` }).where(eq(schema.products.id, current.id)).returning().catch(mapUniqueViolation);
    // After the row update, whose lock keeps a concurrent inventory change from using the old sku.
    if (skuChanged) await moveLevelsToSku(tx, token.shopId, current.id, changes.sku ?? null);
    const data = (await presentProducts(tx, [row!], { fields: null, include: [] })).data[0]!;
    await recordEvent(tx, token, 'product.updated', data);
    return { status: 200, body: { data } };
  },
});
