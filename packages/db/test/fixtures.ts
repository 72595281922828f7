import { newId } from '@sumeru/domain';
import { withAgency, withShop, type Database } from '../src/index';
import { agencies, customers, shops } from '../src/schema/index';

export type TwoShops = { agencyId: string; shopA: string; shopB: string };

/** One agency with two shops, `perShop` customers each, written through RLS like the app does. */
export const seedTwoShops = async (db: Database, perShop = 3): Promise<TwoShops> => {
  const agencyId = newId('agency');
  const shopA = newId('shop');
  const shopB = newId('shop');
  await withAgency(db, agencyId, async (tx) => {
    await tx.insert(agencies).values({ id: agencyId, name: 'Agency' });
    await tx.insert(shops).values([
      { id: shopA, agencyId, name: 'Shop A' },
      { id: shopB, agencyId, name: 'Shop B' },
    ]);
  });
  for (const shopId of [shopA, shopB]) {
    await withShop(db, shopId, (tx) =>
      tx.insert(customers).values(
        Array.from({ length: perShop }, (_, i) => ({ id: newId('customer'), agencyId, shopId, email: `c${i}@${shopId}.test` })),
      ),
    );
  }
  return { agencyId, shopA, shopB };
};

/** drizzle wraps driver errors ("Failed query: …"); the PostgreSQL message is the cause. */
export const pgMessage = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause;
    return cause?.message ?? (err as Error).message;
  }
  throw new Error('expected the query to fail');
};
