import { and, eq, inArray } from 'drizzle-orm';
import { minorToMoney, moneyToJson, moneyToMinor } from '@sumeru/domain';
import { schema, type Tx } from '@sumeru/db';

export type PublicProduct = { id: string; title: string; handle: string; price: number; currency: string; priceMinor: number };

/** The shop's active products among `ids` (drafts, archived and unknown ids drop out). */
export const loadActiveProducts = async (tx: Tx, shopId: string, ids: readonly string[]): Promise<Map<string, PublicProduct>> => {
  if (ids.length === 0) return new Map();
  const p = schema.products;
  const rows = await tx
    .select({ id: p.id, title: p.title, handle: p.handle, price: p.price, currency: p.currency })
    .from(p)
    .where(and(eq(p.shopId, shopId), inArray(p.id, [...new Set(ids)]), eq(p.status, 'active')));
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, handle: r.handle, price: moneyToJson(r.price)!, currency: r.currency, priceMinor: moneyToMinor(r.price) }]));
};

export const presentProduct = (p: PublicProduct) => ({ id: p.id, title: p.title, handle: p.handle, price: p.price, currency: p.currency });

/** A discount on `minor`, in minor units: never more than the price, percentages rounded half up. */
export const discountMinor = (minor: number, type: 'percentage' | 'fixed_amount' | null, value: string | null): number => {
  if (!type || value === null) return 0;
  const amount = moneyToMinor(value);
  // `amount` is the percentage times 100 (10.00 % → 1000), hence / 10_000.
  const off = type === 'percentage' ? Math.round((minor * Math.min(amount, 10_000)) / 10_000) : amount;
  return Math.min(minor, off);
};

export const toJsonMoney = (minor: number): number => moneyToJson(minorToMoney(minor))!;
