import type { AnyEndpoint } from '../pipeline/endpoint';
import { templatePath } from '../pipeline/endpoint';
import { buildOperation } from './operation';
import { sharedComponents } from './responses';

/** The tag of an operation: its first path segment, as a title (`/seo-intelligence/…` → "Seo intelligence"). */
const tagOf = (path: string) => {
  const first = path.split('/')[1] ?? 'general';
  return first.charAt(0).toUpperCase() + first.slice(1).replace(/-/g, ' ');
};

/** The admin API document, derived from the same declarations that serve and validate requests. */
export const buildAdminDocument = (endpoints: readonly AnyEndpoint[]) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const path = templatePath(e.path);
    (paths[path] ??= {})[e.method] = buildOperation(e, tagOf(e.path));
  }
  const tags = [...new Set(endpoints.map((e) => tagOf(e.path)))].map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sumeru admin API',
      version: '1.0.0',
      description: 'The stable, scoped, rate-limited, idempotent server-to-server API. Errors use one envelope; lists page with opaque cursors.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Sumeru' },
    },
    servers: [{ url: '/api/v1', description: 'This server' }, { url: 'https://api.sumeru.systems/api/v1' }],
    tags,
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      ...sharedComponents,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A per-shop admin token `copt_live_…` with scopes (`x:write` implies `x:read`), issued in the console or with `pnpm sumeru token create`.' },
      },
    },
  };
};

/** The storefront document: its endpoints arrive with the storefront surface; the conventions are fixed now. */
export const buildPublicDocument = () => ({
  openapi: '3.1.0',
  info: { title: 'Sumeru storefront API', version: '1.0.0', description: 'CORS-enabled endpoints for storefronts: reviews, referrals, bundles, upsells, quizzes and the pixel. None are published yet.', license: { name: 'Proprietary', identifier: 'LicenseRef-Sumeru' } },
  servers: [{ url: '/api/public' }],
  tags: [],
  security: [{ publishableKey: [] }, { publishableKeyQuery: [] }],
  paths: {},
  components: {
    ...sharedComponents,
    securitySchemes: {
      publishableKey: { type: 'apiKey', in: 'header', name: 'X-Sumeru-Key', description: 'The shop’s publishable key `pk_live_…`' },
      publishableKeyQuery: { type: 'apiKey', in: 'query', name: 'key', description: 'The same key, for sendBeacon' },
    },
  },
});
