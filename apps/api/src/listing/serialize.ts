import { moneyToJson } from '@sumeru/domain';
import type { AttributeKind, ResourceSpec } from './resource-spec';
import { propertyNames } from './resource-spec';

export type ResourceObject = {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, unknown>;
};

const toJson = (kind: AttributeKind, value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  if (kind === 'money') return moneyToJson(String(value));
  if (kind === 'datetime') return value instanceof Date ? value.toISOString() : String(value);
  return value;
};

/** Builds serialisers once per spec so the per-row work is a plain loop. */
export const createSerializer = (spec: ResourceSpec) => {
  const properties = propertyNames(spec);
  const all = Object.keys(spec.attributes);
  return (row: Record<string, unknown>, options: { fields?: string[] | null; relationships?: Record<string, unknown> } = {}): ResourceObject => {
    const attributes: Record<string, unknown> = {};
    for (const name of options.fields ?? all) {
      attributes[name] = toJson(spec.attributes[name]!.kind, row[properties[name]!]);
    }
    const resource: ResourceObject = { id: String(row.id), type: spec.type, attributes };
    if (options.relationships) resource.relationships = options.relationships;
    return resource;
  };
};
