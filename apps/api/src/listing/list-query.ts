import { and, eq, type SQL } from 'drizzle-orm';
import { validationError } from '@sumeru/errors';
import type { Tx } from '@sumeru/db';
import { decodeCursor, encodeCursor } from './cursor';
import { parseFilters } from './filters';
import { propertyNames, type ResourceSpec } from './resource-spec';
import { keysOfRow, keysetAfter, orderByOf, parseSort, type SortKey } from './sorting';

export const LIST_PARAMS = ['limit', 'cursor', 'filter', 'sort', 'fields', 'include'] as const;

export type ListPlan = {
  shopId: string;
  limit: number;
  where: SQL | undefined;
  sort: SortKey[];
  after: unknown[] | null;
  cursorScope: string;
  fields: string[] | null;
  include: string[];
};

const parseLimit = (raw: unknown): number => {
  if (raw === undefined) return 50;
  if (typeof raw !== 'string' || !/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 100) {
    throw validationError('limit', 'limit must be an integer from 1 to 100', { value: raw });
  }
  return Number(raw);
};

/** `fields=a,b`: sparse attributes; `id` and `type` are always present and may be named. */
export const parseFields = (spec: ResourceSpec, raw: unknown): string[] | null => {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string') throw validationError('fields', 'fields must be a comma-separated list');
  const names = raw.split(',').map((n) => n.trim()).filter((n) => n !== 'id' && n !== 'type');
  const unknown = names.filter((n) => !(n in spec.attributes));
  if (unknown.length > 0) throw validationError('fields', `unknown field ${unknown.join(', ')}`, { allowed: Object.keys(spec.attributes) });
  return names;
};

export const parseInclude = (allowed: readonly string[], raw: unknown): string[] => {
  if (raw === undefined || raw === '') return [];
  if (typeof raw !== 'string') throw validationError('include', 'include must be a comma-separated list');
  const names = [...new Set(raw.split(',').map((n) => n.trim()))];
  const unknown = names.filter((n) => !allowed.includes(n));
  if (unknown.length > 0) throw validationError('include', `${unknown.join(', ')} cannot be included`, { allowed });
  return names;
};

/** Reads and validates every list parameter; nothing undeclared gets through. */
export const parseListQuery = (
  spec: ResourceSpec,
  query: Record<string, unknown>,
  options: { includes: readonly string[]; secret: string; shopId: string; fixedFilters?: Record<string, string> },
): ListPlan => {
  for (const name of Object.keys(query)) {
    if (!(LIST_PARAMS as readonly string[]).includes(name)) throw validationError(name, `${name} is not a parameter of this list`, { allowed: LIST_PARAMS });
  }
  const sort = parseSort(spec, query.sort, propertyNames(spec));
  const filters = parseFilters(spec, query.filter, options.fixedFilters);
  const cursorScope = [options.shopId, spec.type, sort.map((k) => `${k.descending ? '-' : ''}${k.name}`).join(','), filters.canonical].join('|');
  let after: unknown[] | null = null;
  if (query.cursor !== undefined) {
    if (typeof query.cursor !== 'string') throw validationError('cursor', 'cursor must be a single value');
    after = decodeCursor(options.secret, cursorScope, query.cursor, sort.length);
  }
  return {
    shopId: options.shopId,
    limit: parseLimit(query.limit),
    where: filters.where,
    sort,
    after,
    cursorScope,
    fields: parseFields(spec, query.fields),
    include: parseInclude(options.includes, query.include),
  };
};

/** One keyset page: `limit + 1` rows tell whether there is a next page without a count. */
export const runList = async <Row extends Record<string, unknown>>(
  tx: Tx,
  spec: ResourceSpec,
  plan: ListPlan,
  secret: string,
): Promise<{ rows: Row[]; nextCursor: string | null }> => {
  const conditions = [eq(spec.shop, plan.shopId), plan.where, plan.after ? keysetAfter(plan.sort, plan.after) : undefined].filter((c): c is SQL => c !== undefined);
  const rows = (await tx
    .select()
    .from(spec.table)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(...orderByOf(plan.sort))
    .limit(plan.limit + 1)) as Row[];
  const hasNext = rows.length > plan.limit;
  const page = hasNext ? rows.slice(0, plan.limit) : rows;
  const last = page.at(-1);
  return { rows: page, nextCursor: hasNext && last ? encodeCursor(secret, plan.cursorScope, keysOfRow(plan.sort, last)) : null };
};

/** `GET /things/{id}` accepts only `fields` and `include`. */
export const parseSingleQuery = (spec: ResourceSpec, query: Record<string, unknown>, includes: readonly string[]) => {
  for (const name of Object.keys(query)) {
    if (name !== 'fields' && name !== 'include') throw validationError(name, `${name} is not a parameter of this operation`, { allowed: ['fields', 'include'] });
  }
  return { fields: parseFields(spec, query.fields), include: parseInclude(includes, query.include) };
};

/** The list envelope of every collection: `data`, optional `included`, `pagination`. */
export const listBody = (data: unknown[], nextCursor: string | null, included?: unknown[]) => ({
  data,
  ...(included ? { included } : {}),
  pagination: { next_cursor: nextCursor, has_next: nextCursor !== null },
});
