import { asc, desc, sql, type SQL } from 'drizzle-orm';
import { validationError } from '@sumeru/errors';
import type { ResourceSpec } from './resource-spec';

export type SortKey = { name: string; expr: SQL; descending: boolean; kind: string; property: string };

/**
 * Nullable sort columns are sorted through coalesce() with a sentinel below every real value,
 * so keyset comparisons never meet NULL and rows without a value keep a stable place.
 */
const NULL_SENTINELS: Partial<Record<string, { sql: SQL; value: unknown }>> = {
  datetime: { sql: sql`'-infinity'::timestamptz`, value: '-infinity' },
  integer: { sql: sql`-2147483648`, value: -2147483648 },
  money: { sql: sql`'-999999999999.99'::numeric`, value: '-999999999999.99' },
  string: { sql: sql`''`, value: '' },
};

const sentinelOf = (kind: string) => NULL_SENTINELS[kind] ?? NULL_SENTINELS.string!;

const sortExpression = (spec: ResourceSpec, name: string): SQL => {
  const attr = spec.attributes[name]!;
  if (attr.column.notNull) return sql`${attr.column}`;
  return sql`coalesce(${attr.column}, ${sentinelOf(attr.kind).sql})`;
};

/** `sort=-a,b`; always tie-broken by id in the direction of the first key so an index serves it. */
export const parseSort = (spec: ResourceSpec, raw: unknown, properties: Record<string, string>): SortKey[] => {
  if (raw !== undefined && typeof raw !== 'string') throw validationError('sort', 'sort must be a comma-separated list');
  const text = raw === undefined || raw === '' ? spec.defaultSort : raw;
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length > 3) throw validationError('sort', 'sort takes at most 3 fields');
  const keys: SortKey[] = parts.map((part) => {
    const descending = part.startsWith('-');
    const name = descending ? part.slice(1) : part;
    if (!spec.attributes[name]?.sort) {
      const allowed = Object.entries(spec.attributes).filter(([, a]) => a.sort).map(([n]) => n);
      throw validationError('sort', `${name || part} cannot be sorted on`, { allowed });
    }
    return { name, expr: sortExpression(spec, name), descending, kind: spec.attributes[name]!.kind, property: properties[name]! };
  });
  const descending = keys[0]!.descending;
  keys.push({ name: 'id', expr: sql`${spec.id}`, descending, kind: 'string', property: 'id' });
  return keys;
};

export const orderByOf = (keys: SortKey[]): SQL[] => keys.map((k) => (k.descending ? desc(k.expr) : asc(k.expr)));

/** The position after `values`: a row comparison when all keys share a direction, else an OR chain. */
export const keysetAfter = (keys: SortKey[], values: unknown[]): SQL => {
  const params = keys.map((k, i) => (k.kind === 'datetime' ? sql`${values[i]}::timestamptz` : sql`${values[i]}`));
  if (keys.every((k) => k.descending === keys[0]!.descending)) {
    const op = keys[0]!.descending ? sql`<` : sql`>`;
    return sql`(${sql.join(keys.map((k) => k.expr), sql`, `)}) ${op} (${sql.join(params, sql`, `)})`;
  }
  const branches = keys.map((key, i) => {
    const equalities = keys.slice(0, i).map((k, j) => sql`${k.expr} = ${params[j]}`);
    const step = key.descending ? sql`${key.expr} < ${params[i]}` : sql`${key.expr} > ${params[i]}`;
    return sql`(${sql.join([...equalities, step], sql` and `)})`;
  });
  return sql`(${sql.join(branches, sql` or `)})`;
};

/** The cursor values of a row: what each sort expression evaluates to for it. */
export const keysOfRow = (keys: SortKey[], row: Record<string, unknown>): unknown[] =>
  keys.map((k) => {
    const value = row[k.property];
    if (value instanceof Date) return value.toISOString();
    if (value === null || value === undefined) return sentinelOf(k.kind).value;
    return value;
  });
