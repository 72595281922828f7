import type { AnyEndpoint } from '../pipeline/endpoint';
import { templatePath } from '../pipeline/endpoint';
import { idempotencyKeyParameter, listParameters, pathParameters } from './parameters';
import { bulkBodySchema, jsonSchemaOf, resourceObjectSchema, writeBodySchema } from './resource-schemas';
import { COMMON_HEADERS, errorResponses } from './responses';

const BASE = 'https://api.sumeru.systems/api/v1';

const codeSamples = (e: AnyEndpoint, path: string) => {
  const url = `${BASE}${path}`;
  const write = e.method === 'post' || e.method === 'patch';
  return [
    { lang: 'curl', source: [`curl -X ${e.method.toUpperCase()} "${url}"`, '  -H "Authorization: Bearer $SUMERU_TOKEN"', ...(write ? ['  -H "Content-Type: application/json"', '  -H "Idempotency-Key: $(uuidgen)"', "  -d '{ \"data\": { \"attributes\": { } } }'"] : [])].join(' \\\n') },
    { lang: 'javascript', label: 'Node', source: `const res = await fetch('${url}', {\n  method: '${e.method.toUpperCase()}',\n  headers: { Authorization: \`Bearer \${process.env.SUMERU_TOKEN}\`${write ? ", 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID()" : ''} },${write ? "\n  body: JSON.stringify({ data: { attributes: {} } })," : ''}\n});\nconsole.log(res.status, await res.json());` },
  ];
};

const isList = (e: AnyEndpoint) => e.method === 'get' && !e.path.endsWith('/:id') && !/:\w+$/.test(e.path) && e.query === 'raw';

/** One OpenAPI operation from one endpoint declaration. */
export const buildOperation = (e: AnyEndpoint, tag: string) => {
  const path = templatePath(e.path);
  const write = e.method === 'post' || e.method === 'patch';
  const bulk = e.path.endsWith('/bulk');
  const spec = e.resource;
  const parameters: Record<string, unknown>[] = [...pathParameters(e.path)];
  if (spec && isList(e)) parameters.push(...listParameters(spec, e.includes ?? []));
  else if (spec && e.method === 'get' && e.query === 'raw') {
    parameters.push({ name: 'fields', in: 'query', required: false, schema: { type: 'string' }, description: 'Sparse attributes, comma-separated' });
    if (e.includes?.length) parameters.push({ name: 'include', in: 'query', required: false, schema: { type: 'string' }, description: `Related resources: ${e.includes.join(', ')}` });
  }
  if (write) parameters.push(idempotencyKeyParameter);

  const item = spec ? resourceObjectSchema(spec) : { type: 'object', additionalProperties: true };
  const bulkResult = { type: 'object', properties: { data: { type: 'object', properties: { sent_count: { type: 'integer' }, rejected_count: { type: 'integer' }, rejected_items: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, item: {}, errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } } } } } } } } };
  const success = e.method === 'delete'
    ? { '204': { description: 'Deleted, or there was nothing to delete', headers: COMMON_HEADERS } }
    : { [e.method === 'post' && !bulk && !/\/(launch|cancel)$/.test(e.path) ? '201' : '200']: {
        description: 'OK',
        headers: { ...COMMON_HEADERS, ...(write ? { 'Idempotent-Replayed': { description: 'true when this is a replay', schema: { type: 'string' } } } : {}) },
        content: { 'application/json': { schema: bulk || e.path === '/inventory' && e.method === 'patch' ? bulkResult : isList(e) ? { type: 'object', required: ['data', 'pagination'], properties: { data: { type: 'array', items: item }, included: { type: 'array', items: { type: 'object' } }, pagination: { $ref: '#/components/schemas/Pagination' } } } : { type: 'object', required: ['data'], properties: { data: item, included: { type: 'array', items: { type: 'object' } } } } } },
      } };
  const requestSchema = !write ? null : bulk && spec ? bulkBodySchema(spec) : spec && !/\/(launch|cancel|members|enrollments)$/.test(e.path) && e.path !== '/inventory' ? writeBodySchema(spec, e.method === 'patch' ? 'update' : 'create') : e.body ? jsonSchemaOf(e.body) : null;
  return {
    operationId: e.operationId,
    summary: e.summary,
    tags: [tag],
    security: [{ bearerAuth: e.scope ? [e.scope] : [] }],
    'x-stability': e.stability,
    ...(e.stability === 'deprecated' ? { deprecated: true } : {}),
    ...(e.scope ? { description: `Requires the \`${e.scope}\` scope${e.scope.endsWith(':read') ? ` (or \`${e.scope.replace(':read', ':write')}\`)` : ''}.` } : { description: 'Any valid token.' }),
    parameters,
    ...(requestSchema ? { requestBody: { required: e.method !== 'post' || bulk, content: { 'application/json': { schema: requestSchema } } } } : {}),
    responses: { ...success, ...errorResponses({ hasBody: write, hasId: /:\w+/.test(e.path), scoped: e.scope !== null, idempotent: write }) },
    'x-codeSamples': codeSamples(e, path),
  };
};
