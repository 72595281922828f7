import { getTableColumns, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';

export type AttributeKind = 'string' | 'integer' | 'money' | 'datetime' | 'boolean' | 'string[]' | 'json';

export type AttributeSpec = {
  column: Column;
  kind: AttributeKind;
  /** `true`: equality and comma-separated IN (overlap for arrays); `range` adds gte/gt/lte/lt. */
  filter?: true | 'range';
  sort?: boolean;
  /** Present when the attribute may be written through PATCH/POST. */
  write?: z.ZodType;
};

export type ResourceSpec = {
  /** The JSON:API `type`, singular (`customer`). */
  type: string;
  table: PgTable;
  id: Column;
  /**
   * The tenant column. Queries name the shop explicitly so the planner uses the indexes that
   * lead with it; RLS stays the guarantee, this is only the fast path.
   */
  shop: Column;
  attributes: Record<string, AttributeSpec>;
  /** `filter[date_from]`-style names that stand for a range bound on an attribute. */
  filterAliases?: Record<string, { attribute: string; op: RangeOp }>;
  defaultSort: string;
};

export type RangeOp = 'gte' | 'gt' | 'lte' | 'lt';

const cache = new WeakMap<ResourceSpec, Record<string, string>>();

/** Maps each attribute to the row property drizzle returns for its column (computed once per spec). */
export const propertyNames = (spec: ResourceSpec): Record<string, string> => {
  const cached = cache.get(spec);
  if (cached) return cached;
  const columns = getTableColumns(spec.table);
  const byColumn = new Map<Column, string>(Object.entries(columns).map(([key, column]) => [column, key]));
  const names = Object.fromEntries(
    Object.entries(spec.attributes).map(([name, attr]) => {
      const property = byColumn.get(attr.column);
      if (!property) throw new Error(`${spec.type}.${name}: column is not on the resource table`);
      return [name, property];
    }),
  );
  cache.set(spec, names);
  return names;
};
