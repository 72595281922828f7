import type { AnyEndpoint } from '../pipeline/endpoint';
import { examplePathParams } from './examples';
import type { DocSurface } from './surface';

export type CodeSample = { lang: string; label: string; source: string };

/** The path with example ids in place of its parameters, so a sample runs as pasted once the ids are real. */
export const examplePath = (e: AnyEndpoint): string => {
  const examples = examplePathParams(e.path, e.resource);
  return e.path.replace(/:(\w+)/g, (_m, name: string) => examples[name]!);
};

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * `x-codeSamples` (the vendor extension Redoc, Scalar and Swagger UI plugins read): a curl command
 * and a Node 18+ script using the built-in fetch, both authenticating as the surface says and
 * sending the operation's example body. The Idempotency-Key is fresh per run so a re-run is a new
 * request rather than a replay.
 */
export const codeSamples = (e: AnyEndpoint, surface: DocSurface, body: unknown, isIdempotent: boolean): CodeSample[] => {
  const url = `${surface.baseUrl}${examplePath(e)}`;
  const method = e.method.toUpperCase();
  const json = body === undefined ? undefined : JSON.stringify(body);
  const curl = [
    `curl -X ${method} "${url}"`,
    ...surface.sampleAuth.curl,
    ...(json !== undefined ? ['-H "Content-Type: application/json"'] : []),
    ...(isIdempotent ? ['-H "Idempotency-Key: $(uuidgen)"'] : []),
    ...(json !== undefined ? [`-d ${shellQuote(json)}`] : []),
  ].join(' \\\n  ');
  const headers = [
    surface.sampleAuth.node,
    ...(json !== undefined ? ["'Content-Type': 'application/json'"] : []),
    ...(isIdempotent ? ["'Idempotency-Key': crypto.randomUUID()"] : []),
  ];
  const node = [
    `const res = await fetch('${url}', {`,
    `  method: '${method}',`,
    `  headers: { ${headers.join(', ')} },`,
    ...(json !== undefined ? [`  body: JSON.stringify(${JSON.stringify(body, null, 2).replace(/\n/g, '\n  ')}),`] : []),
    '});',
    `console.log(res.status, ${e.method === 'delete' ? "await res.text()" : 'await res.json()'});`,
  ].join('\n');
  return [
    { lang: 'curl', label: 'curl', source: curl },
    { lang: 'javascript', label: 'Node', source: node },
  ];
};
