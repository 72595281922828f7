import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildAdminDocument, buildPublicDocument } from '../../src/api-docs/document';
import { publicOperations } from '../../src/public/public-endpoints';
import { adminEndpoints } from '../../src/routes';

type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
type Route = { method: string; pattern: RegExp; operation: Operation; template: string };

type Document = { paths: Record<string, Record<string, Operation>>; components: unknown };

/**
 * Every response the integration tests receive from `/api/v1` and `/api/public` is checked
 * against the OpenAPI document generated from the same declarations: the status must be
 * documented for the operation and the body must match its schema. Built once per test file.
 */
const surfaceOf = (id: string, document: Document) => {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  ajv.addSchema({ $id: id, components: document.components } as never);
  const compiled = new Map<unknown, ReturnType<typeof ajv.compile>>();
  const validatorFor = (schema: unknown) => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${id}#/components/`)));
      compiled.set(schema, validate);
    }
    return validate;
  };
  // Literal segments before parameters, so `/deliveries/replay` wins over `/deliveries/{delivery_id}`.
  const routes: Route[] = Object.entries(document.paths)
    .flatMap(([template, methods]) => Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      operation,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    })))
    .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  return { ajv, validatorFor, routes };
};

const surfaces = [
  { prefix: /^\/(?:api\/)?v1(?=\/)/, ...surfaceOf('admin', buildAdminDocument(adminEndpoints) as Document) },
  { prefix: /^\/api\/public(?=\/)/, ...surfaceOf('public', buildPublicDocument(publicOperations) as Document) },
];

/** Problems with one response, or null when it matches the document (or is not an admin operation). */
export const contractViolation = (method: string, url: string, status: number, body: unknown): string | null => {
  const { pathname } = new URL(url, 'http://x');
  const surface = surfaces.find((x) => x.prefix.test(pathname));
  if (!surface) return null;
  const path = pathname.replace(surface.prefix, '');
  const route = surface.routes.find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
  if (!route) return null; // an unknown route or method (or a preflight): the tests check those themselves
  const response = route.operation.responses[String(status)];
  if (!response) return `${method} ${route.template} answered ${status}, which the document does not list (${Object.keys(route.operation.responses).join(', ')})`;
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return status === 204 || body === undefined ? null : `${method} ${route.template} ${status}: the document gives no body, the API sent one`;
  const validate = surface.validatorFor(schema);
  return validate(body) ? null : `${method} ${route.template} ${status}: ${surface.ajv.errorsText(validate.errors)}`;
};
