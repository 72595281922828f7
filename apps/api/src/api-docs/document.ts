import type { AnyEndpoint } from '../pipeline/endpoint';
import { templatePath } from '../pipeline/endpoint';
import { buildOperation } from './operation';
import { sharedComponents } from './responses';
import { adminSurface, publicSurface, type DocSurface } from './surface';

/** The tag of an operation: its first path segment, as a title (`/seo-intelligence/…` → "Seo intelligence"). */
const tagOf = (path: string) => {
  const first = path.split('/')[1] ?? 'general';
  return first.charAt(0).toUpperCase() + first.slice(1).replace(/-/g, ' ');
};

const refsIn = (value: unknown, into = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) for (const v of value) refsIn(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k === '$ref' && typeof v === 'string') into.add(v); else refsIn(v, into);
  }
  return into;
};

/**
 * Only the shared components something refers to (transitively), plus `keep`: a document with
 * few operations would otherwise carry unused schemas and headers, which linters flag.
 */
const usedComponents = (paths: unknown, keep: string[]) => {
  const used = new Set([...refsIn(paths), ...keep]);
  for (let size = 0; size !== used.size;) {
    size = used.size;
    for (const ref of [...used]) {
      const [, , kind, name] = ref.split('/');
      refsIn((sharedComponents as Record<string, Record<string, unknown>>)[kind!]?.[name!], used);
    }
  }
  const pick = (kind: 'schemas' | 'headers') => Object.fromEntries(Object.entries(sharedComponents[kind]).filter(([name]) => used.has(`#/components/${kind}/${name}`)));
  const [schemas, headers] = [pick('schemas'), pick('headers')];
  return { schemas, ...(Object.keys(headers).length ? { headers } : {}) };
};

/** A document for one surface, derived from the same declarations that serve and validate requests. */
export const buildDocument = (surface: DocSurface, endpoints: readonly AnyEndpoint[]) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) (paths[templatePath(e.path)] ??= {})[e.method] = buildOperation(e, endpoints, surface, tagOf(e.path));
  const tags = [...new Set(endpoints.map((e) => tagOf(e.path)))].map((name) => ({ name, description: surface.tagDescriptions[name] ?? `${name} resources` }));
  return {
    openapi: '3.1.0',
    info: { ...surface.info, version: '1.0.0', license: { name: 'Proprietary', identifier: 'LicenseRef-Sumeru' } },
    servers: surface.servers,
    tags,
    security: Object.keys(surface.securitySchemes).map((name) => ({ [name]: [] })),
    paths,
    components: {
      // The envelope is the contract of every error, so every document states it, even one without operations yet.
      ...usedComponents(paths, ['#/components/schemas/ErrorEnvelope']),
      securitySchemes: surface.securitySchemes,
    },
  };
};

export const buildAdminDocument = (endpoints: readonly AnyEndpoint[]) => buildDocument(adminSurface, endpoints);

/** The storefront document; its endpoints plug in as the admin ones do, as declarations. */
export const buildPublicDocument = (endpoints: readonly AnyEndpoint[] = []) => buildDocument(publicSurface, endpoints);
