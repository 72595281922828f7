import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES, moneyToMinor } from '@sumeru/domain';
import { createSeededRandom } from './random';
import { buildShop } from './seed-shop';
import { SHOP_PROFILES } from './shop-profiles';

const NOW = new Date('2025-06-01T12:00:00Z');
const build = (seed: number, sizes = { customersPerShop: 60, ordersPerShop: 150, productsPerShop: 20 }) =>
  buildShop(createSeededRandom(seed), SHOP_PROFILES[0]!, 'agy_test', sizes, NOW);

describe('buildShop', () => {
  it('builds exactly the asked numbers, however far they are from what the stages suggest', () => {
    for (const sizes of [
      { customersPerShop: 5, ordersPerShop: 0, productsPerShop: 4 },
      { customersPerShop: 10, ordersPerShop: 400, productsPerShop: 4 },
      { customersPerShop: 240, ordersPerShop: 600, productsPerShop: 200 },
    ]) {
      const shop = build(1, sizes);
      expect(shop.customers).toHaveLength(sizes.customersPerShop);
      expect(shop.orders).toHaveLength(sizes.ordersPerShop);
      expect(shop.products).toHaveLength(sizes.productsPerShop);
      expect(new Set(shop.products.map((p) => p.handle)).size).toBe(sizes.productsPerShop);
      expect(new Set(shop.products.map((p) => p.sku)).size).toBe(sizes.productsPerShop);
      expect(new Set(shop.customers.map((c) => c.lifecycleStage))).toEqual(new Set(LIFECYCLE_STAGES));
    }
  });

  it('is repeatable with a seeded generator', () => {
    const a = build(42);
    const b = build(42);
    expect(a.customers.map((c) => c.email)).toEqual(b.customers.map((c) => c.email));
    expect(a.orders.map((o) => [o.total, o.status])).toEqual(b.orders.map((o) => [o.total, o.status]));
  });

  it('totals every order from its line items in minor units and places it after sign-up', () => {
    const shop = build(3);
    const created = new Map(shop.customers.map((c) => [c.id, c.createdAt!.getTime()]));
    for (const order of shop.orders) {
      const items = shop.lineItems.filter((li) => li.orderId === order.id);
      expect(items.length).toBeGreaterThanOrEqual(1);
      expect(items.length).toBeLessThanOrEqual(4);
      expect(items.reduce((sum, li) => sum + moneyToMinor(li.total), 0)).toBe(moneyToMinor(order.total));
      expect(order.placedAt.getTime()).toBeGreaterThan(created.get(order.customerId!)!);
      expect(order.placedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
    expect(shop.orders.map((o) => o.number)).toEqual(shop.orders.map((_, i) => String(1001 + i)));
  });

  it('gives loyal customers more orders than new ones', () => {
    const shop = build(5, { customersPerShop: 240, ordersPerShop: 600, productsPerShop: 40 });
    const mean = (stage: string) => {
      const group = shop.customers.filter((c) => c.lifecycleStage === stage);
      return group.reduce((sum, c) => sum + (c.ordersCount ?? 0), 0) / group.length;
    };
    expect(mean('loyal')).toBeGreaterThan(3);
    expect(mean('new')).toBeLessThanOrEqual(1);
    expect(shop.customers.filter((c) => c.lifecycleStage === 'loyal').length).toBeGreaterThanOrEqual(30);
  });
});
