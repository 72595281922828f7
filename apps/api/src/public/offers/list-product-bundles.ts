import { and, arrayContains, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@sumeru/db';
import { moneyToJson } from '@sumeru/domain';
import { findProductOr404 } from '../reviews/find-product';
import { definePublicEndpoint } from '../public-endpoint';
import { discountMinor, loadActiveProducts, presentProduct, toJsonMoney } from './public-products';
import { ZBundleList } from '../public-schemas';

export const listProductBundles = definePublicEndpoint<{ product_id: string }, Record<string, never>>({
  operationId: 'listProductBundles',
  method: 'get',
  path: '/products/:product_id/bundles',
  summary: 'List the bundles that contain a product, with prices and savings',
  description: 'Active bundles whose products are all active. `regular_price` is the sum of the products’ prices, `bundle_price` what the bundle costs, `savings` the difference (exact to the cent).',
  stability: 'beta',
  scope: null,
  rateClass: 'read',
  responseSchema: ZBundleList,
  params: z.object({ product_id: z.string().max(64) }),
  query: z.strictObject({}),
  handler: async ({ tx, caller, params }) => {
    await findProductOr404(tx, params.product_id);
    const b = schema.bundles;
    const bundles = await tx
      .select()
      .from(b)
      .where(and(eq(b.shopId, caller.shopId), eq(b.active, true), arrayContains(b.productIds, [params.product_id])))
      .orderBy(asc(b.createdAt), asc(b.id))
      .limit(20);
    const products = await loadActiveProducts(tx, caller.shopId, bundles.flatMap((x) => x.productIds));
    const data = bundles.flatMap((bundle) => {
      const members = bundle.productIds.map((id) => products.get(id));
      if (members.some((m) => !m)) return [];
      const currencies = new Set(members.map((m) => m!.currency));
      if (currencies.size !== 1) return [];
      const regular = members.reduce((sum, m) => sum + m!.priceMinor, 0);
      const savings = discountMinor(regular, bundle.discountType, bundle.discountValue);
      return [{
        id: bundle.id,
        type: 'bundle',
        attributes: {
          name: bundle.name,
          description: bundle.description,
          products: members.map((m) => presentProduct(m!)),
          discount_type: bundle.discountType,
          discount_value: moneyToJson(bundle.discountValue),
          currency: [...currencies][0],
          regular_price: toJsonMoney(regular),
          bundle_price: toJsonMoney(regular - savings),
          savings: toJsonMoney(savings),
        },
      }];
    });
    return { status: 200, body: { data } };
  },
});
