import { and, eq, ne } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import { AppError } from '@sumeru/errors';

const p = schema.products;

export const slugify = (title: string): string =>
  title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 180) || 'product';

const taken = async (tx: Tx, shopId: string, column: typeof p.handle | typeof p.sku | typeof p.externalId, value: string, exceptId?: string) =>
  (await tx.select({ id: p.id }).from(p).where(and(eq(p.shopId, shopId), eq(column, value), exceptId ? ne(p.id, exceptId) : undefined)).limit(1)).length > 0;

/** A derived handle gets a numeric suffix when taken; an explicit one is a 409. */
export const resolveHandle = async (tx: Tx, shopId: string, title: string, explicit: string | undefined, exceptId?: string): Promise<string | undefined> => {
  if (explicit) {
    if (await taken(tx, shopId, p.handle, explicit, exceptId)) throw conflict('handle', explicit);
    return explicit;
  }
  if (exceptId) return undefined;
  const base = slugify(title);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(tx, shopId, p.handle, candidate))) return candidate;
  }
  throw conflict('handle', base);
};

export const conflict = (field: string, value: string) =>
  new AppError('conflict', `Another product of this shop already has this ${field}.`, { details: { field, value } });

/** sku and external_id identify a product within a shop. */
export const assertUnique = async (tx: Tx, shopId: string, values: { sku?: string | null; external_id?: string | null }, exceptId?: string) => {
  if (values.sku && (await taken(tx, shopId, p.sku, values.sku, exceptId))) throw conflict('sku', values.sku);
  if (values.external_id && (await taken(tx, shopId, p.externalId, values.external_id, exceptId))) throw conflict('external_id', values.external_id);
};

/** A unique index that a concurrent request won becomes the same 409 as the checks above. */
export const mapUniqueViolation = (err: unknown): never => {
  const cause = (err as { cause?: { code?: string; constraint_name?: string } }).cause;
  if (cause?.code === '23505') throw new AppError('conflict', 'Another product of this shop already has this handle or external id.', { details: { constraint: cause.constraint_name } });
  throw err;
};
