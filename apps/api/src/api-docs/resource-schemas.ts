import { z } from 'zod';
import type { AttributeKind, ResourceSpec } from '../listing/resource-spec';

type JsonSchema = Record<string, unknown>;

const KIND_SCHEMAS: Record<AttributeKind, JsonSchema> = {
  string: { type: ['string', 'null'] },
  integer: { type: ['integer', 'null'] },
  money: { type: ['number', 'null'], description: 'Decimal amount in the currency of the resource' },
  datetime: { type: ['string', 'null'], format: 'date-time' },
  boolean: { type: 'boolean' },
  'string[]': { type: 'array', items: { type: 'string' } },
  json: {},
};

/** Zod → JSON Schema (2020-12, what OpenAPI 3.1 uses), via zod's own converter. */
export const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

export const resourceObjectSchema = (spec: ResourceSpec): JsonSchema => ({
  type: 'object',
  required: ['id', 'type', 'attributes'],
  properties: {
    id: { type: 'string', description: 'Opaque, prefixed id' },
    type: { const: spec.type },
    attributes: {
      type: 'object',
      properties: Object.fromEntries(Object.entries(spec.attributes).map(([name, a]) => [name, a.kind === 'json' && a.write ? jsonSchemaOf(a.write, 'output') : KIND_SCHEMAS[a.kind]])),
    },
    relationships: { type: 'object', additionalProperties: true },
    meta: { type: 'object', additionalProperties: true },
  },
});

/** The writable attributes, as the JSON:API body `{ data: { attributes } }`; a flat object works too. */
export const writeBodySchema = (spec: ResourceSpec, mode: 'create' | 'update'): JsonSchema => {
  const writable = Object.entries(spec.attributes).filter(([, a]) => a.write);
  const attributes = jsonSchemaOf(z.strictObject(Object.fromEntries(writable.map(([n, a]) => [n, mode === 'update' ? a.write!.optional() : a.write!]))));
  return {
    oneOf: [
      { type: 'object', required: ['data'], properties: { data: { type: 'object', required: ['attributes'], properties: { attributes } } } },
      { ...attributes, description: 'The same attributes as a flat object' },
    ],
  };
};

export const bulkBodySchema = (spec: ResourceSpec): JsonSchema => {
  const writable = Object.entries(spec.attributes).filter(([n, a]) => a.write && n !== 'external_id');
  const item = jsonSchemaOf(z.strictObject({ external_id: z.string().min(1).max(255), ...Object.fromEntries(writable.map(([n, a]) => [n, a.write!.optional()])) }));
  return { type: 'object', required: ['data'], properties: { data: { type: 'array', minItems: 1, maxItems: 1000, items: item } } };
};
