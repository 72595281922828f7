import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import { AppError } from '@sumeru/errors';

const p = schema.products;
const lv = schema.inventoryLevels;

export const slugify = (title: string): string =>
  title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 180).replace(/-+$/, '') || 'product';

const conflict = (field: string, value: string) =>
  new AppError('conflict', `Another product of this shop already has this ${field}.`, { details: { field, value } });

/**
 * Serialises writers of one identifying value (a handle, a sku) in one shop until commit, so
 * "check, then insert" cannot race. sku has no unique index, so for it this is the guarantee.
 */
const lockIdentity = (tx: Tx, shopId: string, kind: 'handle' | 'sku', value: string) => lockIdentities(tx, shopId, kind, [value]);

/** Several at once, always in sorted order so two batches never wait on each other in a cycle. */
export const lockIdentities = async (tx: Tx, shopId: string, kind: 'handle' | 'sku', values: string[]) => {
  if (values.length === 0) return;
  const keys = [...new Set(values)].sort().map((v) => `product-${kind}:${shopId}:${v}`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) with ordinality as t(k, n) order by n`);
};

const exists = async (tx: Tx, shopId: string, condition: SQL | undefined, exceptId?: string) =>
  (await tx.select({ id: p.id }).from(p).where(and(eq(p.shopId, shopId), condition, exceptId ? ne(p.id, exceptId) : undefined)).limit(1)).length > 0;

/** `base-2`, `base-3`, …: the first one no product of the shop has. */
const firstFreeSuffix = async (tx: Tx, shopId: string, base: string): Promise<string> => {
  const rows = await tx.select({ handle: p.handle }).from(p).where(and(eq(p.shopId, shopId), sql`${p.handle} ~ ${`^${base}-[0-9]+$`}`));
  const taken = new Set(rows.map((r) => r.handle));
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
};

/** An explicit handle that is taken is a 409; a derived one gets the first free numeric suffix. */
export const resolveHandle = async (tx: Tx, shopId: string, input: { title: string; handle?: string | undefined; exceptId?: string }): Promise<string> => {
  if (input.handle) {
    await lockIdentity(tx, shopId, 'handle', input.handle);
    if (await exists(tx, shopId, eq(p.handle, input.handle), input.exceptId)) throw conflict('handle', input.handle);
    return input.handle;
  }
  const base = slugify(input.title);
  for (;;) {
    const candidate = (await exists(tx, shopId, eq(p.handle, base))) ? await firstFreeSuffix(tx, shopId, base) : base;
    await lockIdentity(tx, shopId, 'handle', candidate);
    // Another request may have committed the candidate while we waited for its lock.
    if (!(await exists(tx, shopId, eq(p.handle, candidate)))) return candidate;
  }
};

/**
 * sku identifies a product within a shop (inventory is kept per sku). A sku still carried by
 * another product's inventory levels counts as taken too, so levels never change hands.
 */
export const assertSkuAvailable = async (tx: Tx, shopId: string, sku: string, exceptId?: string) => {
  await lockIdentity(tx, shopId, 'sku', sku);
  if (await exists(tx, shopId, eq(p.sku, sku), exceptId)) throw conflict('sku', sku);
  const [level] = await tx.select({ id: lv.id }).from(lv).where(and(eq(lv.shopId, shopId), eq(lv.sku, sku), exceptId ? ne(lv.productId, exceptId) : undefined)).limit(1);
  if (level) throw conflict('sku', sku);
};

export const assertExternalIdAvailable = async (tx: Tx, shopId: string, externalId: string, exceptId?: string) => {
  if (await exists(tx, shopId, eq(p.externalId, externalId), exceptId)) throw conflict('external_id', externalId);
};

/** A product's inventory levels follow its sku; a product with levels cannot drop its sku. */
export const moveLevelsToSku = async (tx: Tx, shopId: string, productId: string, sku: string | null) => {
  if (sku === null) {
    const [level] = await tx.select({ id: lv.id }).from(lv).where(and(eq(lv.shopId, shopId), eq(lv.productId, productId))).limit(1);
    if (level) throw new AppError('conflict', 'The product has inventory levels, which are kept per sku: give it another sku instead of removing it.', { details: { field: 'sku' } });
    return;
  }
  await tx.update(lv).set({ sku, updatedAt: sql`now()` }).where(and(eq(lv.shopId, shopId), eq(lv.productId, productId), ne(lv.sku, sku)));
};

const CONSTRAINT_FIELDS: Record<string, string> = { products_shop_handle_key: 'handle', products_shop_external_key: 'external_id' };

/** A unique index that a concurrent request won becomes the same 409 as the checks above. */
export const mapUniqueViolation = (err: unknown): never => {
  const cause = (err as { cause?: { code?: string; constraint_name?: string } }).cause;
  if (cause?.code === '23505') {
    const field = CONSTRAINT_FIELDS[cause.constraint_name ?? ''] ?? 'external_id';
    throw new AppError('conflict', `Another product of this shop already has this ${field}.`, { details: { field } });
  }
  throw err;
};
