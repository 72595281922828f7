import { hashPassword, randomBase62 } from '@sumeru/auth';
import { schema, withAgency, type Database } from '@sumeru/db';
import { newId } from '@sumeru/domain';
import { buildShop, writeShop, type ShopSizes } from './seed-shop';
import { seedOffers } from './seed-offers';
import { seedReviews } from './seed-reviews';
import { SHOP_PROFILES } from './shop-profiles';
import { DEFAULT_SIZES, type DemoResult, type SeedDemoOptions } from './types';

const AGENCY_NAME = 'Northwind Agency';

const resolveSizes = (options: SeedDemoOptions): ShopSizes => {
  const sizes = {
    customersPerShop: options.customersPerShop ?? DEFAULT_SIZES.customersPerShop,
    ordersPerShop: options.ordersPerShop ?? DEFAULT_SIZES.ordersPerShop,
    productsPerShop: options.productsPerShop ?? DEFAULT_SIZES.productsPerShop,
  };
  // Five customers carry one lifecycle stage each; four products fill the largest order.
  const minimums: ShopSizes = { customersPerShop: 5, ordersPerShop: 0, productsPerShop: 4 };
  for (const [name, value] of Object.entries(sizes) as [keyof ShopSizes, number][]) {
    if (!Number.isSafeInteger(value) || value < minimums[name]) throw new RangeError(`${name} must be an integer of at least ${minimums[name]}, got ${value}`);
  }
  return sizes;
};

/**
 * Seeds one demo agency: an owner operator and two shops (EUR and USD) with products, stock,
 * customers in every lifecycle stage, order history, an all-scopes admin token, a publishable
 * key and sealed inbound webhook secrets. Every call creates a new agency with a new login.
 */
export const seedDemo = async (db: Database, options: SeedDemoOptions): Promise<DemoResult> => {
  const sizes = resolveSizes(options);
  const random = options.random ?? Math.random;
  const now = options.now ?? new Date();
  const agency = { id: newId('agency'), name: AGENCY_NAME };
  // Emails are unique across Sumeru, so each demo gets its own; lower case as sign-in compares it.
  const operator = { email: `demo+${randomBase62(6).toLowerCase()}@sumeru.local`, password: randomBase62(20) };
  const passwordHash = await hashPassword(operator.password, options.passwordParams);
  const built = SHOP_PROFILES.map((profile) => buildShop(random, profile, agency.id, sizes, now));

  await withAgency(db, agency.id, async (tx) => {
    await tx.insert(schema.agencies).values(agency);
    await tx.insert(schema.operators).values({ id: newId('operator'), agencyId: agency.id, email: operator.email, name: 'Avery Quinn', passwordHash, role: 'owner' });
  });
  const shops = await Promise.all(built.map((shop) => writeShop(db, shop, options.platformSecret)));
  await seedReviews(db, built, random, now);
  await seedOffers(db, built, now);
  return { agency, operator, shops };
};
