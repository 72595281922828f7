import { minorToMoney, newId } from '@sumeru/domain';
import type { schema } from '@sumeru/db';
import { flipCoin, pickDateBetween, pickInt, pickOne, subtractDays, type Random } from './random';
import type { ShopProfile } from './shop-profiles';

export type ProductRow = typeof schema.products.$inferInsert;
export type InventoryRow = typeof schema.inventoryLevels.$inferInsert;
export type Tenant = { agencyId: string; shopId: string };

/** What an order needs to know about a product: prices stay in minor units until written. */
export type SellableProduct = { id: string; title: string; sku: string; priceMinor: number; createdAt: Date };

const slugify = (value: string): string =>
  value.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// Shop prices end the way real price lists do: 59.00, 58.95, 58.99.
const pickPriceMinor = (random: Random, [min, max]: readonly [number, number]): number =>
  pickInt(random, min / 100, max / 100) * 100 - pickOne(random, [0, 0, 5, 1]);

/**
 * `count` products cycling through the catalogue's items and variants, so handles and SKUs
 * stay unique however many are asked for, plus stock at one or both of the shop's locations.
 */
export const buildProducts = (random: Random, profile: ShopProfile, tenant: Tenant, count: number, now: Date) => {
  const { items, variants } = profile.catalogue;
  const products: ProductRow[] = [];
  const sellable: SellableProduct[] = [];
  const inventory: InventoryRow[] = [];
  for (let i = 0; i < count; i++) {
    const item = items[i % items.length]!;
    const variant = variants[Math.floor(i / items.length) % variants.length]!;
    const round = Math.floor(i / (items.length * variants.length));
    const suffix = round > 0 ? ` ${round + 1}` : '';
    const title = `${item.title} – ${variant}${suffix}`;
    const sku = `${profile.skuPrefix}-${item.code}-${slugify(variant).slice(0, 3).toUpperCase()}-${String(1001 + i)}`;
    const priceMinor = pickPriceMinor(random, item.price);
    // The catalogue exists before the oldest customer, so every order finds its products.
    const createdAt = pickDateBetween(random, subtractDays(now, 760), subtractDays(now, 740));
    const extraTags = [slugify(variant), ...(flipCoin(random, 0.2) ? ['bestseller'] : []), ...(flipCoin(random, 0.1) ? ['new-arrival'] : [])];
    const id = newId('product');
    products.push({
      id,
      ...tenant,
      externalId: `shopify_${8_200_000_000 + i}`,
      title,
      handle: slugify(`${item.title} ${variant}${suffix}`),
      description: item.description,
      vendor: item.vendor,
      productType: item.productType,
      status: 'active',
      sku,
      price: minorToMoney(priceMinor),
      currency: profile.currency,
      tags: [...item.tags, ...extraTags],
      createdAt,
      updatedAt: createdAt,
    });
    sellable.push({ id, title, sku, priceMinor, createdAt });
    const locations = flipCoin(random, 0.6) ? profile.locations : [pickOne(random, profile.locations)];
    for (const location of locations) {
      // About one in twelve is sold out, so low-stock views have something to show.
      const quantity = flipCoin(random, 0.08) ? 0 : pickInt(random, 3, 240);
      inventory.push({ id: newId('inventoryLevel'), ...tenant, productId: id, sku, location, quantity, createdAt, updatedAt: now });
    }
  }
  return { products, sellable, inventory };
};
