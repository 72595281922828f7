import type { ResourceSpec } from '../listing/resource-spec';

type Parameter = Record<string, unknown>;

const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }): Parameter => ({ name, in: 'query', required: false, description, schema });

/** The list parameters a spec allows: limit, cursor, each declared filter and range, sort, fields, include. */
export const listParameters = (spec: ResourceSpec, includes: readonly string[] = []): Parameter[] => {
  const sortable = Object.entries(spec.attributes).filter(([, a]) => a.sort).map(([n]) => n);
  const params: Parameter[] = [
    query('limit', 'Page size, 1 to 100', { type: 'integer', minimum: 1, maximum: 100, default: 50 }),
    query('cursor', 'Opaque cursor from `pagination.next_cursor`; valid only with the same filters and sort'),
  ];
  for (const [name, a] of Object.entries(spec.attributes)) {
    if (!a.filter) continue;
    params.push(query(`filter[${name}]`, `Equal to; comma-separated values mean any of them${a.kind === 'string[]' ? ' (any tag)' : ''}`));
    if (a.filter === 'range') for (const op of ['gte', 'gt', 'lte', 'lt']) params.push(query(`filter[${name}][${op}]`, `${name} ${op}`));
  }
  for (const [alias, { attribute, op }] of Object.entries(spec.filterAliases ?? {})) params.push(query(`filter[${alias}]`, `${attribute} ${op} (a bare date covers the whole day)`));
  params.push(query('sort', `Comma-separated; \`-\` for descending. Allowed: ${sortable.join(', ')}. Default \`${spec.defaultSort}\`; ties broken by id`));
  params.push(query('fields', `Sparse attributes, comma-separated: ${Object.keys(spec.attributes).join(', ')}`));
  if (includes.length) params.push(query('include', `Related resources: ${includes.join(', ')}`));
  return params;
};

export const idempotencyKeyParameter: Parameter = {
  name: 'Idempotency-Key', in: 'header', required: false,
  description: 'Same key and same request within 24 h returns the first response with `Idempotent-Replayed: true`',
  schema: { type: 'string', maxLength: 255 },
};

export const pathParameters = (path: string): Parameter[] =>
  [...path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
