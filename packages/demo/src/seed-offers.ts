import { schema, withShop, type Database } from '@sumeru/db';
import { newId } from '@sumeru/domain';
import type { BuiltShop } from './seed-shop';

/**
 * A bundle, an upsell rule and a product-finder quiz per demo shop, over its first sellable
 * products, so every storefront widget has something to show out of the box.
 */
export const seedOffers = async (db: Database, shops: BuiltShop[], now: Date): Promise<void> => {
  for (const shop of shops) {
    const [a, b, c, d] = shop.sellable.map((p) => p.id);
    if (!a || !b || !c || !d) continue;
    const base = { ...shop.tenant, createdAt: now, updatedAt: now };
    await withShop(db, shop.tenant.shopId, async (tx) => {
      await tx.insert(schema.bundles).values({
        id: newId('bundle'), ...base, externalId: 'demo-starter-bundle', name: 'Starter bundle', description: 'Our two bestsellers together.',
        productIds: [a, b], discountType: 'percentage', discountValue: '15.00',
      });
      await tx.insert(schema.upsellRules).values({
        id: newId('upsellRule'), ...base, externalId: 'demo-complete-the-look', name: 'Complete the look', headline: 'Customers who bought this also added',
        triggerProductIds: [a], offerProductIds: [c], discountType: 'percentage', discountValue: '10.00', priority: 10,
      });
      await tx.insert(schema.upsellRules).values({
        id: newId('upsellRule'), ...base, externalId: 'demo-big-cart', name: 'Big cart add-on', headline: 'Add this for less',
        offerProductIds: [d], minimumCartTotal: '100.00', discountType: 'fixed_amount', discountValue: '5.00', priority: 1,
      });
      await tx.insert(schema.quizzes).values({
        id: newId('quiz'), ...base, externalId: 'demo-product-finder', title: 'Find your perfect match', maxRecommendations: 2,
        questions: [
          { id: 'use', text: 'What will you use it for?', answers: [{ id: 'everyday', text: 'Every day', product_ids: [a, b] }, { id: 'occasional', text: 'Now and then', product_ids: [c, d] }] },
          { id: 'budget', text: 'Your budget?', answers: [{ id: 'low', text: 'Keep it low', product_ids: [b, d] }, { id: 'high', text: 'Best there is', product_ids: [a, c] }] },
        ],
      });
    });
  }
};
