import type { z } from 'zod';
import type { ResourceSpec } from '../listing/resource-spec';
import { examplePathParams } from './examples';
import { jsonSchemaOf } from './resource-schemas';

type Parameter = Record<string, unknown>;

const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }): Parameter => ({ name, in: 'query', required: false, description, schema });

// Every paged operation validates these the same way (listing/list-query.ts and its peers).
const LIMIT = query('limit', 'Page size, 1 to 100', { type: 'integer', minimum: 1, maximum: 100, default: 50 });
const CURSOR = query('cursor', 'Opaque cursor from `pagination.next_cursor`; valid only with the same filters and sort');
const STANDARD: Record<string, Parameter> = { limit: LIMIT, cursor: CURSOR };
const RANGE_WORDS: Record<string, string> = { gte: 'at least', gt: 'after or above', lte: 'at most', lt: 'before or below' };

/** The list parameters a spec allows: limit, cursor, each declared filter and range, sort, fields, include. */
export const listParameters = (spec: ResourceSpec, includes: readonly string[] = []): Parameter[] => {
  const sortable = Object.entries(spec.attributes).filter(([, a]) => a.sort).map(([n]) => n);
  const params: Parameter[] = [LIMIT, CURSOR];
  for (const [name, a] of Object.entries(spec.attributes)) {
    if (!a.filter) continue;
    const allowed = (a.column as { enumValues?: string[] }).enumValues;
    params.push(query(`filter[${name}]`, `Equal to; comma-separated values mean any of them${a.kind === 'string[]' ? ' (any tag)' : ''}${allowed ? `. Values: ${allowed.join(', ')}` : ''}`));
    const bound = a.kind === 'datetime' ? { type: 'string', description: 'ISO 8601 date-time, or a date meaning the whole day' } : { type: 'number' };
    if (a.filter === 'range') for (const op of ['gte', 'gt', 'lte', 'lt']) params.push(query(`filter[${name}][${op}]`, `${name} ${RANGE_WORDS[op]} this`, bound));
  }
  for (const [alias, { attribute, op }] of Object.entries(spec.filterAliases ?? {})) params.push(query(`filter[${alias}]`, `${attribute} ${RANGE_WORDS[op]} this (a bare date covers the whole day)`));
  params.push(query('sort', `Comma-separated; \`-\` for descending. Allowed: ${sortable.join(', ')}. Default \`${spec.defaultSort}\`; ties broken by id`));
  params.push(query('fields', `Sparse attributes, comma-separated: ${Object.keys(spec.attributes).join(', ')}`));
  if (includes.length) params.push(query('include', `Related resources: ${includes.join(', ')}`));
  return params;
};

/** A single resource's parameters: sparse fields and includes. */
export const singleParameters = (spec: ResourceSpec, includes: readonly string[] = []): Parameter[] => [
  query('fields', `Sparse attributes, comma-separated: ${Object.keys(spec.attributes).join(', ')}`),
  ...(includes.length ? [query('include', `Related resources: ${includes.join(', ')}`)] : []),
];

export const idempotencyKeyParameter: Parameter = {
  name: 'Idempotency-Key', in: 'header', required: false,
  description: 'Same key and same request within 24 h returns the first response with `Idempotent-Replayed: true`',
  schema: { type: 'string', maxLength: 255 },
};

export const pathParameters = (path: string, spec: ResourceSpec | undefined): Parameter[] =>
  Object.entries(examplePathParams(path, spec)).map(([name, example]) => ({
    name, in: 'path', required: true, description: 'An id, as returned in `data.id`', schema: { type: 'string' }, example,
  }));

/**
 * A zod query schema as parameters: top-level keys as they are, one nested object level as
 * `filter[name]` (how the extended query parser reads them). Defaults and enums carry over.
 */
export const zodQueryParameters = (schema: z.ZodType): Parameter[] => {
  const json = jsonSchemaOf(schema);
  const params: Parameter[] = [];
  for (const [name, prop] of Object.entries((json.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    if (prop.type === 'object' && prop.properties) {
      for (const [inner, innerProp] of Object.entries(prop.properties as Record<string, Record<string, unknown>>)) {
        params.push({ name: `${name}[${inner}]`, in: 'query', required: false, schema: innerProp, ...(innerProp.description ? { description: innerProp.description } : {}) });
      }
    } else if (STANDARD[name]) {
      params.push(STANDARD[name]);
    } else {
      params.push({ name, in: 'query', required: ((json.required ?? []) as string[]).includes(name), schema: prop, ...(prop.description ? { description: prop.description } : {}) });
    }
  }
  return params;
};
