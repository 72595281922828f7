import { schema, withShop, type Database } from '@sumeru/db';
import { newId } from '@sumeru/domain';
import { flipCoin, pickInt, pickOne, pickWeighted, subtractDays, type Random } from './random';
import type { BuiltShop } from './seed-shop';

const TITLES: Record<number, string[]> = {
  5: ['Love it', 'Exactly as described', 'Would buy again'],
  4: ['Very good', 'Happy with it', 'Good value'],
  3: ['It is fine', 'Does the job'],
  2: ['Not great', 'Expected more'],
  1: ['Disappointed', 'Sent it back'],
};
const BODIES: Record<number, string[]> = {
  5: ['Great quality and it arrived quickly.', 'Fits perfectly, my second one already.'],
  4: ['Nice product, the colour is slightly different from the photos.', 'Solid, shipping took a couple of days longer.'],
  3: ['Okay for the price, nothing special.'],
  2: ['The material feels cheaper than I hoped.'],
  1: ['Broke after a week of use.'],
};

/**
 * Reviews for the first products of each demo shop, written by its customers: mostly
 * approved (so the storefront widget has something to show), a few pending for the
 * moderation queue. A reviewer who ordered the product gets the verified-buyer badge.
 */
export const seedReviews = async (db: Database, shops: BuiltShop[], random: Random, now: Date): Promise<void> => {
  for (const shop of shops) {
    const bought = new Map<string, { orderId: string; customerId: string }[]>();
    const orderCustomer = new Map(shop.orders.map((o) => [o.id, o.customerId]));
    for (const item of shop.lineItems) {
      const customerId = orderCustomer.get(item.orderId);
      if (!customerId || !item.productId) continue;
      bought.set(item.productId, [...(bought.get(item.productId) ?? []), { orderId: item.orderId, customerId }]);
    }
    const customers = new Map(shop.customers.map((c) => [c.id, c]));
    const rows: (typeof schema.reviews.$inferInsert)[] = [];
    for (const product of shop.sellable.slice(0, 6)) {
      const buyers = bought.get(product.id) ?? [];
      for (let i = pickInt(random, 2, 6); i > 0; i--) {
        const rating = Number(pickWeighted(random, { 5: 45, 4: 30, 3: 12, 2: 8, 1: 5 }));
        const purchase = buyers.length > 0 && flipCoin(random, 0.7) ? pickOne(random, buyers) : null;
        const author = purchase ? customers.get(purchase.customerId) : pickOne(random, shop.customers);
        if (!author?.email) continue;
        const createdAt = subtractDays(now, pickInt(random, 1, 120));
        const status = flipCoin(random, 0.85) ? 'approved' : 'pending';
        rows.push({
          id: newId('review'),
          ...shop.tenant,
          productId: product.id,
          rating,
          title: pickOne(random, TITLES[rating]!),
          body: pickOne(random, BODIES[rating]!),
          authorName: `${author.firstName ?? 'A'} ${(author.lastName ?? '').slice(0, 1)}.`.trim(),
          authorEmail: author.email.toLowerCase(),
          orderId: purchase?.orderId ?? null,
          verifiedBuyer: purchase !== null,
          status,
          moderatedAt: status === 'approved' ? createdAt : null,
          createdAt,
          updatedAt: createdAt,
        });
      }
    }
    if (rows.length > 0) await withShop(db, shop.tenant.shopId, (tx) => tx.insert(schema.reviews).values(rows));
  }
};
