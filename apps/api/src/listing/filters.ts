import { and, arrayOverlaps, eq, gt, gte, inArray, lt, lte, sql, type Column, type SQL } from 'drizzle-orm';
import { validationError } from '@sumeru/errors';
import type { AttributeSpec, RangeOp, ResourceSpec } from './resource-spec';

const RANGE_OPS: Record<RangeOp, (column: Column, value: unknown) => SQL> = { gte, gt, lte, lt };
const MAX_IN = 100;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A bare date means the whole day: `lte 2026-05-09` includes the 9th, `gt 2026-05-09` starts on the 10th. */
const rangeCondition = (field: string, attr: AttributeSpec, op: RangeOp, raw: string): SQL => {
  const value = parseValue(field, attr, raw);
  if (attr.kind === 'datetime' && DATE_ONLY.test(raw) && (op === 'lte' || op === 'gt')) {
    const nextDay = new Date((value as Date).getTime() + DAY_MS);
    return op === 'lte' ? lt(attr.column, nextDay) : gte(attr.column, nextDay);
  }
  return RANGE_OPS[op](attr.column, value);
};

/** Parses one filter value by the attribute's kind; bad values are a 422 naming the filter. */
const parseValue = (field: string, attr: AttributeSpec, raw: string): unknown => {
  const bad = (why: string) => validationError(field, `${field} ${why}`, { value: raw });
  switch (attr.kind) {
    case 'integer':
      if (!/^-?\d{1,15}$/.test(raw)) throw bad('must be an integer');
      return Number(raw);
    case 'money':
      if (!/^-?\d{1,12}(\.\d{1,2})?$/.test(raw)) throw bad('must be a decimal amount');
      return raw;
    case 'datetime': {
      const date = new Date(raw);
      if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(date.getTime())) throw bad('must be an ISO 8601 date or date-time');
      return date;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw bad('must be true or false');
      return raw === 'true';
    default: {
      if (raw.length > 256) throw bad('is too long');
      const allowed = (attr.column as { enumValues?: string[] }).enumValues;
      if (allowed && !allowed.includes(raw)) throw bad(`must be one of ${allowed.join(', ')}`);
      return raw;
    }
  }
};

const equality = (field: string, attr: AttributeSpec, raw: string): SQL => {
  const values = raw.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
  if (values.length === 0) throw validationError(field, `${field} must not be empty`);
  if (values.length > MAX_IN) throw validationError(field, `${field} takes at most ${MAX_IN} values`);
  if (attr.kind === 'string[]') return arrayOverlaps(attr.column, values.map((v) => String(parseValue(field, { ...attr, kind: 'string' }, v))));
  const parsed = values.map((v) => parseValue(field, attr, v));
  if (attr.column.name === 'email') {
    return inArray(sql`lower(${attr.column})`, parsed.map((v) => String(v).toLowerCase()));
  }
  return parsed.length === 1 ? eq(attr.column, parsed[0]) : inArray(attr.column, parsed);
};

/**
 * `filter[field]=v`, `filter[field]=a,b` (IN), `filter[field][gte]=v` and the spec's aliases
 * (`filter[date_from]`). Fields AND together; anything undeclared is a 422 naming it.
 */
export const parseFilters = (spec: ResourceSpec, input: unknown, fixed: Record<string, string> = {}): { where: SQL | undefined; canonical: string } => {
  if (input !== undefined && (typeof input !== 'object' || input === null || Array.isArray(input))) {
    throw validationError('filter', 'filter must be given as filter[field]=value');
  }
  const entries = Object.entries({ ...(input as Record<string, unknown> | undefined), ...fixed });
  const conditions: SQL[] = [];
  for (const [name, value] of entries) {
    const field = `filter[${name}]`;
    const alias = spec.filterAliases?.[name];
    const attr = spec.attributes[alias?.attribute ?? name];
    if (!attr?.filter) throw validationError(field, `${name} cannot be filtered on`, { allowed: filterableNames(spec) });
    if (alias) {
      if (typeof value !== 'string') throw validationError(field, `${field} must be a single value`);
      conditions.push(rangeCondition(field, attr, alias.op, value));
    } else if (typeof value === 'string') {
      conditions.push(equality(field, attr, value));
    } else if (value && typeof value === 'object' && !Array.isArray(value) && attr.filter === 'range') {
      for (const [op, bound] of Object.entries(value)) {
        const opField = `${field}[${op}]`;
        if (!(op in RANGE_OPS)) throw validationError(opField, `${op} is not a filter operator (use gte, gt, lte, lt)`);
        if (typeof bound !== 'string') throw validationError(opField, `${opField} must be a single value`);
        conditions.push(rangeCondition(opField, attr, op as RangeOp, bound));
      }
    } else {
      throw validationError(field, `${field} must be a single value${attr.filter === 'range' ? ' or a range (gte, gt, lte, lt)' : ''}`);
    }
  }
  const canonical = JSON.stringify(entries.sort(([a], [b]) => a.localeCompare(b)));
  return { where: conditions.length > 0 ? and(...conditions) : undefined, canonical };
};

export const filterableNames = (spec: ResourceSpec): string[] => [
  ...Object.entries(spec.attributes).filter(([, a]) => a.filter).map(([n]) => n),
  ...Object.keys(spec.filterAliases ?? {}),
];
