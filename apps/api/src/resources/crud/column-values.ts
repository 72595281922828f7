import type { AttributeKind } from '../../listing/resource-spec';

/** API value → what the column takes: money as an exact decimal string, dates as Date. */
export const toColumnValue = (kind: AttributeKind, value: unknown): unknown => {
  if (value === null || value === undefined) return value;
  if (kind === 'money') return typeof value === 'number' ? value.toFixed(2) : String(value);
  if (kind === 'datetime') return value instanceof Date ? value : new Date(String(value));
  return value;
};
