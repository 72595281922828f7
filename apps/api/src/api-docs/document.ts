import type { AnyEndpoint } from '../pipeline/endpoint';
import { templatePath } from '../pipeline/endpoint';
import { buildOperation } from './operation';
import { sharedComponents } from './responses';

/** The tag of an operation: its first path segment, as a title (`/seo-intelligence/…` → "Seo intelligence"). */
const tagOf = (path: string) => {
  const first = path.split('/')[1] ?? 'general';
  return first.charAt(0).toUpperCase() + first.slice(1).replace(/-/g, ' ');
};

const TAG_DESCRIPTIONS: Record<string, string> = {
  Customers: 'Customer profiles, their orders and attributions; bulk import by external id',
  Orders: 'Orders with line items; bulk import by external id',
  Products: 'The catalogue', Inventory: 'Stock per SKU and location',
  Campaigns: 'Campaigns and their launch', Segments: 'Saved audiences for campaigns', Journeys: 'Automated journeys and enrollments',
  Attribution: 'Orders credited to marketing touchpoints', 'Decision intelligence': 'RFM runs: lifecycle stages and recommended actions',
  'Seo intelligence': 'Tracked keywords and their positions', Usage: 'Requests of this token and shop',
  Contacts: 'Marketing contacts and consent', 'Message rejects': 'Suppression list', Lists: 'Contact lists and members',
  'Customer groups': 'Customer groups', 'Custom data definitions': 'Shop-defined record types and their records',
  Carts: 'Carts, including abandoned ones', Vouchers: 'Discount codes', 'Product categories': 'Catalogue categories', Manufacturers: 'Brands and makers',
};

/** The admin API document, derived from the same declarations that serve and validate requests. */
export const buildAdminDocument = (endpoints: readonly AnyEndpoint[]) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const path = templatePath(e.path);
    (paths[path] ??= {})[e.method] = buildOperation(e, tagOf(e.path));
  }
  const tags = [...new Set(endpoints.map((e) => tagOf(e.path)))].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? `${name} resources` }));
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
  // Only the security schemes until the first storefront endpoint: unused components would be noise.
  components: {
    securitySchemes: {
      publishableKey: { type: 'apiKey', in: 'header', name: 'X-Sumeru-Key', description: 'The shop’s publishable key `pk_live_…`' },
      publishableKeyQuery: { type: 'apiKey', in: 'query', name: 'key', description: 'The same key, for sendBeacon' },
    },
  },
});
