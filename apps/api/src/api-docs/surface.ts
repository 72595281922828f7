import type { AnyEndpoint } from '../pipeline/endpoint';

type SecurityRequirement = Record<string, string[]>;

/**
 * What differs between the documented APIs (admin `/api/v1`, storefront `/api/public`): where
 * they live, how a caller authenticates, and how the samples do it. Operations, parameters,
 * bodies and responses are built the same way for both (document.ts).
 */
export type DocSurface = {
  info: { title: string; description: string };
  /** Absolute, for the code samples. */
  baseUrl: string;
  servers: { url: string; description?: string }[];
  securitySchemes: Record<string, Record<string, unknown>>;
  /** Alternatives: any one of them authenticates. */
  securityOf: (e: AnyEndpoint) => SecurityRequirement[];
  accessOf: (e: AnyEndpoint) => string;
  unauthenticated: string;
  /** When a caller that authenticated may still be refused (403), other than for a missing scope. */
  forbidden?: string;
  sampleAuth: { curl: string[]; node: string };
  tagDescriptions: Record<string, string>;
};

const PRODUCTION = 'https://api.sumeru.systems';

export const adminSurface: DocSurface = {
  info: {
    title: 'Sumeru admin API',
    description: 'The stable, scoped, rate-limited, idempotent server-to-server API. Errors use one envelope; lists page with opaque cursors.',
  },
  baseUrl: `${PRODUCTION}/api/v1`,
  servers: [{ url: '/api/v1', description: 'This server' }, { url: `${PRODUCTION}/api/v1`, description: 'Production' }],
  securitySchemes: {
    bearerAuth: {
      type: 'http',
      scheme: 'bearer',
      description: 'A per-shop admin token `copt_live_…`, shown once when issued in the console or with `pnpm sumeru token create`. Each token has scopes (`customers:read`, `orders:write`, …; `x:write` implies `x:read`) and a rate-limit tier. Operations list the scope they need; `[]` means any valid token.',
    },
  },
  securityOf: (e) => [{ bearerAuth: e.scope ? [e.scope] : [] }],
  accessOf: (e) => (e.scope ? `Requires the \`${e.scope}\` scope${e.scope.endsWith(':read') ? ` (or \`${e.scope.replace(':read', ':write')}\`)` : ''}.` : 'Any valid token.'),
  unauthenticated: 'Missing, malformed, unknown or revoked token (unauthenticated)',
  sampleAuth: { curl: ['-H "Authorization: Bearer $SUMERU_TOKEN"'], node: 'Authorization: `Bearer ${process.env.SUMERU_TOKEN}`' },
  tagDescriptions: {
    Customers: 'Customer profiles, their orders and attributions; bulk import by external id',
    Orders: 'Orders with line items; bulk import by external id',
    Products: 'The catalogue', Inventory: 'Stock per SKU and location',
    Campaigns: 'Campaigns and their launch', Segments: 'Saved audiences for campaigns', Journeys: 'Automated journeys and enrollments',
    Attribution: 'Orders credited to marketing touchpoints', 'Decision intelligence': 'RFM runs: lifecycle stages and recommended actions',
    'Seo intelligence': 'Tracked keywords and their positions', Usage: 'Requests of this token and shop',
    Contacts: 'Marketing contacts and consent', 'Message rejects': 'Suppression list', Lists: 'Contact lists and members',
    'Customer groups': 'Customer groups', 'Custom data definitions': 'Shop-defined record types and their records',
    Carts: 'Carts, including abandoned ones', Vouchers: 'Discount codes', 'Product categories': 'Catalogue categories', Manufacturers: 'Brands and makers',
    'Webhook endpoints': 'Where signed outbound events are delivered',
  },
};

/** The storefront API: browser-facing, authenticated by a publishable key or an allowed Origin. */
export const publicSurface: DocSurface = {
  info: {
    title: 'Sumeru storefront API',
    description: 'CORS-enabled endpoints for storefronts: reviews, referrals, bundles, upsells, quizzes and the pixel. Rate-limited per key and per IP; errors use the same envelope as the admin API.',
  },
  baseUrl: `${PRODUCTION}/api/public`,
  servers: [{ url: '/api/public', description: 'This server' }, { url: `${PRODUCTION}/api/public`, description: 'Production' }],
  securitySchemes: {
    publishableKey: { type: 'apiKey', in: 'header', name: 'X-Sumeru-Key', description: 'The shop’s publishable key `pk_live_…`. Safe to embed in a storefront: it can only call the storefront API of its shop.' },
    publishableKeyQuery: { type: 'apiKey', in: 'query', name: 'key', description: 'The same publishable key as a query parameter, for `navigator.sendBeacon`, which cannot set headers.' },
    allowedOrigin: { type: 'apiKey', in: 'header', name: 'Origin', description: 'No key: the browser’s own `Origin` header, when it is on the shop’s CORS allow-list (managed in the console). Browsers set it; scripts cannot forge it from a page.' },
  },
  securityOf: () => ['publishableKey', 'publishableKeyQuery', 'allowedOrigin'].map((scheme) => ({ [scheme]: [] })),
  accessOf: () => 'A publishable key, or a request from an allowed Origin.',
  unauthenticated: 'Missing or unknown publishable key, and the Origin is not allowed (unauthenticated)',
  forbidden: 'The publishable key is restricted to other origins than this request’s Origin (forbidden)',
  sampleAuth: { curl: ['-H "X-Sumeru-Key: $SUMERU_PUBLISHABLE_KEY"'], node: "'X-Sumeru-Key': process.env.SUMERU_PUBLISHABLE_KEY" },
  tagDescriptions: {},
};
