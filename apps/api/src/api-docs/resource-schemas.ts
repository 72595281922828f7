import { z } from 'zod';
import type { AttributeKind, ResourceSpec } from '../listing/resource-spec';
import { exampleIdOf, exampleOf } from './examples';

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

const NOTHING = { not: {} };

// JSON cannot hold `undefined`: a `z.undefined()` branch (an optional body) matches no JSON value;
// the body being optional is said by `requestBody.required`, so the branch is dropped.
const dropNothing = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(dropNothing);
  if (!value || typeof value !== 'object') return value;
  const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, dropNothing(v)])) as JsonSchema;
  if (!Array.isArray(out.anyOf)) return out;
  const branches = (out.anyOf as JsonSchema[]).filter((b) => JSON.stringify(b) !== JSON.stringify(NOTHING));
  const { anyOf: _anyOf, ...rest } = out;
  return branches.length === 1 ? { ...rest, ...branches[0] } : { ...rest, anyOf: branches };
};

/** Zod → JSON Schema (2020-12, what OpenAPI 3.1 uses), via zod's own converter. */
export const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema => {
  const converted = z.toJSONSchema(schema, { io, unrepresentable: ({ zodSchema }) => (zodSchema._zod.def.type === 'undefined' ? NOTHING : 'any') });
  const { $schema: _drop, ...rest } = dropNothing(converted) as JsonSchema;
  return rest;
};

const KIND_EXAMPLES: Partial<Record<AttributeKind, unknown>> = { integer: 3, money: 487.2, datetime: '2026-03-01T09:00:00Z', boolean: true };

const attributeSchema = (a: ResourceSpec['attributes'][string]) => (a.kind === 'json' && a.write ? jsonSchemaOf(a.write, 'output') : KIND_SCHEMAS[a.kind]);

/** A resource object with a plausible value for each attribute, for the reference's examples. */
export const resourceExample = (spec: ResourceSpec) => ({
  id: exampleIdOf(spec.type),
  type: spec.type,
  attributes: Object.fromEntries(Object.entries(spec.attributes).map(([name, a]) => [name, KIND_EXAMPLES[a.kind] ?? exampleOf(attributeSchema(a), name)])),
});

// `{ data: {type,id} | [{type,id}] | null, links?: { related } }`, as the includes write them.
const RELATIONSHIP = {
  type: 'object',
  properties: {
    data: { anyOf: [{ $ref: '#/components/schemas/ResourceIdentifier' }, { type: 'array', items: { $ref: '#/components/schemas/ResourceIdentifier' } }, { type: 'null' }] },
    links: { type: 'object', properties: { related: { type: 'string' } } },
  },
};

export const resourceObjectSchema = (spec: ResourceSpec): JsonSchema => ({
  type: 'object',
  required: ['id', 'type', 'attributes'],
  properties: {
    id: { type: 'string', description: 'Opaque, prefixed id' },
    type: { const: spec.type },
    attributes: {
      type: 'object',
      description: 'With `fields=`, only the named attributes',
      properties: Object.fromEntries(Object.entries(spec.attributes).map(([name, a]) => [name, attributeSchema(a)])),
    },
    relationships: { type: 'object', additionalProperties: RELATIONSHIP },
    meta: { type: 'object', additionalProperties: true },
  },
  examples: [resourceExample(spec)],
});

/**
 * A body of attributes as the pipeline reads it (listing/attributes.ts `unwrapAttributes`): the
 * JSON:API form `{ data: { attributes } }`, or the same attributes as a flat object. Endpoints
 * that parse their own body declare `requestSchema: attributesBody(ZTheirAttributes)`.
 */
export const attributesBody = <T extends z.ZodType>(attributes: T) =>
  z.union([z.strictObject({ data: z.strictObject({ attributes }) }), attributes]).describe('`{ "data": { "attributes": { … } } }`, or the same attributes as a flat object');

/** The writable attributes of a spec; all optional for a PATCH. */
export const writeAttributes = (spec: ResourceSpec, mode: 'create' | 'update') => {
  const writable = Object.entries(spec.attributes).filter(([, a]) => a.write);
  return z.strictObject(Object.fromEntries(writable.map(([n, a]) => [n, mode === 'update' ? a.write!.optional() : a.write!])));
};

export const hasWritableAttributes = (spec: ResourceSpec | undefined) => !!spec && Object.values(spec.attributes).some((a) => a.write);

export const bulkBodySchema = (spec: ResourceSpec): JsonSchema => {
  const writable = Object.entries(spec.attributes).filter(([n, a]) => a.write && n !== 'external_id');
  const item = jsonSchemaOf(z.strictObject({ external_id: z.string().min(1).max(255), ...Object.fromEntries(writable.map(([n, a]) => [n, a.write!.optional()])) }));
  return { type: 'object', required: ['data'], properties: { data: { type: 'array', minItems: 1, maxItems: 1000, items: item } } };
};
