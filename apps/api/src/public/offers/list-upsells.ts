import { and, arrayOverlaps, desc, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@sumeru/db';
import { moneyToJson, moneyToMinor } from '@sumeru/domain';
import { definePublicEndpoint } from '../public-endpoint';
import { discountMinor, loadActiveProducts, presentProduct, toJsonMoney } from './public-products';
import { ZUpsellList } from '../public-schemas';

const MAX_OFFERS = 5;

const ZQuery = z.strictObject({
  product_ids: z
    .string()
    .max(2000)
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(64)).min(1, 'name at least one product').max(50)),
  cart_total: z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, 'cart_total must be a decimal amount').optional(),
});

export const listUpsells = definePublicEndpoint<Record<string, never>, z.infer<typeof ZQuery>>({
  operationId: 'listUpsells',
  method: 'get',
  path: '/upsells',
  summary: 'Upsell offers for a product page or a cart',
  description: 'Pass the product on the page, or every product in the cart, as `product_ids` (comma-separated) and, for a cart, its `cart_total`. Rules from the admin API match on their trigger products (any when empty) and minimum cart total; products already named are never offered. Best priority first, at most five offers.',
  stability: 'beta',
  scope: null,
  rateClass: 'read',
  responseSchema: ZUpsellList,
  query: ZQuery,
  handler: async ({ tx, caller, query }) => {
    const u = schema.upsellRules;
    const cartMinor = query.cart_total === undefined ? null : moneyToMinor(query.cart_total);
    const rules = await tx
      .select()
      .from(u)
      .where(and(
        eq(u.shopId, caller.shopId),
        eq(u.active, true),
        sql`(cardinality(${u.triggerProductIds}) = 0 or ${arrayOverlaps(u.triggerProductIds, query.product_ids)})`,
      ))
      .orderBy(desc(u.priority), asc(u.createdAt), asc(u.id))
      .limit(50);
    const matching = rules.filter((r) => r.minimumCartTotal === null || (cartMinor !== null && cartMinor >= moneyToMinor(r.minimumCartTotal)));
    const products = await loadActiveProducts(tx, caller.shopId, matching.flatMap((r) => r.offerProductIds));
    const present = new Set(query.product_ids);
    const data = matching
      .map((rule) => {
        const offered = rule.offerProductIds.filter((id) => !present.has(id)).flatMap((id) => (products.has(id) ? [products.get(id)!] : []));
        return { rule, offered };
      })
      .filter((x) => x.offered.length > 0)
      .slice(0, MAX_OFFERS)
      .map(({ rule, offered }) => ({
        id: rule.id,
        type: 'upsell_offer',
        attributes: {
          headline: rule.headline ?? rule.name,
          discount_type: rule.discountType,
          discount_value: moneyToJson(rule.discountValue),
          products: offered.map((p) => ({ ...presentProduct(p), offer_price: toJsonMoney(p.priceMinor - discountMinor(p.priceMinor, rule.discountType, rule.discountValue)) })),
        },
      }));
    return { status: 200, body: { data } };
  },
});
