import type { AnyEndpoint, OperationKind } from '../pipeline/endpoint';
import { codeSamples } from './code-samples';
import { exampleObject, exampleOf } from './examples';
import { isIdempotentWrite, operationKindOf, successStatusOf } from './operation-kind';
import { idempotencyKeyParameter, listParameters, pathParameters, singleParameters, zodQueryParameters } from './parameters';
import { attributesBody, bulkBodySchema, hasWritableAttributes, jsonSchemaOf, resourceObjectSchema, resourceExample, writeAttributes } from './resource-schemas';
import { COMMON_HEADERS, errorResponses, headerRefs } from './responses';
import type { DocSurface } from './surface';

type JsonSchema = Record<string, unknown>;

const BULK_RESULT: JsonSchema = {
  type: 'object',
  required: ['data'],
  properties: { data: { type: 'object', required: ['sent_count', 'rejected_count', 'rejected_items'], properties: {
    sent_count: { type: 'integer' }, rejected_count: { type: 'integer' },
    rejected_items: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, item: {}, errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } } } } },
  } } },
};

const parametersOf = (e: AnyEndpoint, kind: OperationKind) => {
  const params = pathParameters(e.path, e.resource);
  if (e.query === 'raw' && e.querySchema) params.push(...zodQueryParameters(e.querySchema));
  else if (e.query === 'raw' && e.resource) params.push(...(kind === 'list' ? listParameters(e.resource, e.includes ?? []) : singleParameters(e.resource, e.includes ?? [])));
  else if (e.query && e.query !== 'raw') params.push(...zodQueryParameters(e.query));
  if (isIdempotentWrite(e)) params.push(idempotencyKeyParameter);
  return params;
};

/**
 * The body schema (declared, else the resource's write attributes, else the validating zod
 * schema) and the sample body: its minimal valid instance, a single attribute for a PATCH.
 */
const requestOf = (e: AnyEndpoint, kind: OperationKind): { schema: JsonSchema; example?: unknown; required?: boolean } | null => {
  if (e.requestSchema) {
    const schema = jsonSchemaOf(e.requestSchema);
    return { schema, example: exampleOf(schema), required: !e.requestSchema.safeParse(undefined).success };
  }
  if ((kind === 'create' || kind === 'update') && hasWritableAttributes(e.resource)) {
    const attributes = writeAttributes(e.resource!, kind);
    return { schema: jsonSchemaOf(attributesBody(attributes)), example: { data: { attributes: exampleObject(jsonSchemaOf(attributes), kind === 'update' ? 'first' : 'required') } } };
  }
  if (kind === 'bulk' && e.path.endsWith('/bulk') && hasWritableAttributes(e.resource)) {
    const schema = bulkBodySchema(e.resource!);
    return { schema, example: exampleOf(schema) };
  }
  const declared = e.body ? jsonSchemaOf(e.body) : {};
  if (Object.keys(declared).length > 0) return { schema: declared, example: exampleOf(declared), required: !e.body!.safeParse(undefined).success };
  // `z.unknown()` (the handler parses the body itself) says nothing; still say it is a JSON object.
  return isIdempotentWrite(e) ? { schema: { type: 'object' } } : null;
};

const responseSchemaOf = (e: AnyEndpoint, kind: OperationKind): JsonSchema => {
  if (e.responseSchema) return jsonSchemaOf(e.responseSchema, 'output');
  if (kind === 'bulk') return BULK_RESULT;
  const item = e.resource ? resourceObjectSchema(e.resource) : {};
  const included = { type: 'array', items: { $ref: '#/components/schemas/ResourceObject' }, description: 'The resources named by `include=`' };
  return kind === 'list'
    ? { type: 'object', required: ['data', 'pagination'], properties: { data: { type: 'array', items: item }, included, meta: { type: 'object', additionalProperties: true }, pagination: { $ref: '#/components/schemas/Pagination' } } }
    : { type: 'object', required: ['data'], properties: { data: item, included } };
};

/** One OpenAPI operation from one endpoint declaration. */
export const buildOperation = (e: AnyEndpoint, all: readonly AnyEndpoint[], surface: DocSurface, tag: string) => {
  const kind = operationKindOf(e, all);
  const status = String(successStatusOf(e, kind));
  const idempotent = isIdempotentWrite(e);
  const request = requestOf(e, kind);
  const responseSchema = responseSchemaOf(e, kind);
  const example = e.resource && !e.responseSchema && kind !== 'bulk' ? (kind === 'list' ? { data: [resourceExample(e.resource)], pagination: { next_cursor: null, has_next: false } } : { data: resourceExample(e.resource) }) : undefined;
  const headers = { ...COMMON_HEADERS, ...(idempotent ? headerRefs(['Idempotent-Replayed']) : {}) };
  return {
    operationId: e.operationId,
    summary: e.summary,
    description: [e.description, surface.accessOf(e)].filter(Boolean).join('\n\n'),
    tags: [tag],
    security: surface.securityOf(e),
    'x-stability': e.stability,
    ...(e.stability === 'deprecated' ? { deprecated: true } : {}),
    parameters: parametersOf(e, kind),
    ...(request ? { requestBody: { required: request.required ?? kind !== 'action', content: { 'application/json': { schema: request.schema, ...(request.example !== undefined ? { example: request.example } : {}) } } } } : {}),
    responses: {
      [status]: status === '204'
        ? { description: 'Done; deleting what does not exist succeeds too', headers }
        : { description: 'OK', headers, content: { 'application/json': { schema: responseSchema, ...(example ? { example } : {}) } } },
      // 403 only where a scope is required: a token without scopes still passes `[]`.
      ...errorResponses({ hasBody: idempotent, hasId: /:\w+/.test(e.path), ...(e.notFound ? { notFound: e.notFound } : {}), scoped: surface.securityOf(e).some((r) => Object.values(r).some((scopes) => scopes.length > 0)), idempotent, unauthenticated: surface.unauthenticated, ...(surface.forbidden ? { forbidden: surface.forbidden } : {}) }),
    },
    'x-codeSamples': codeSamples(e, surface, request?.example, idempotent),
  };
};
