/**
 * The closed catalogue of API token scopes. Order is the order the console lists them in;
 * adding a scope is additive, renaming or removing one breaks every token that holds it.
 */
export const SCOPES = [
  'analytics:read',
  'analytics:write',
  'customers:read',
  'customers:write',
  'orders:read',
  'orders:write',
  'attribution:read',
  'campaigns:read',
  'campaigns:write',
  'journeys:read',
  'journeys:write',
  'products:read',
  'products:write',
  'contacts:read',
  'contacts:write',
  'webhooks:read',
  'webhooks:write',
  'reviews:read',
  'reviews:write',
  'settings:read',
  'settings:write',
  'storefront:read',
  'storefront:write',
] as const;

export type Scope = (typeof SCOPES)[number];

export type ScopeGroup = {
  description: string;
  read?: { scope: Scope; description: string };
  write?: { scope: Scope; description: string };
};

/** Scopes grouped by resource, with the wording the console's scope picker shows. */
export const SCOPE_GROUPS = {
  analytics: {
    description: 'Reports, usage and decision-intelligence runs',
    read: { scope: 'analytics:read', description: 'Read reports, SEO keywords and decision-intelligence runs' },
    write: { scope: 'analytics:write', description: 'Start decision-intelligence runs and import SEO keywords' },
  },
  customers: {
    description: 'Customer profiles and their 360 timeline',
    read: { scope: 'customers:read', description: 'List and read customers' },
    write: { scope: 'customers:write', description: 'Create, update and import customers' },
  },
  orders: {
    description: 'Orders synced from shops and ERPs',
    read: { scope: 'orders:read', description: 'List and read orders' },
    write: { scope: 'orders:write', description: 'Create, update and import orders' },
  },
  attribution: {
    description: 'Attribution of revenue to touchpoints',
    read: { scope: 'attribution:read', description: 'Read attribution results and touchpoints' },
  },
  campaigns: {
    description: 'Marketing campaigns',
    read: { scope: 'campaigns:read', description: 'List and read campaigns' },
    write: { scope: 'campaigns:write', description: 'Create, update and launch campaigns' },
  },
  journeys: {
    description: 'Automated journeys and their enrollments',
    read: { scope: 'journeys:read', description: 'List journeys and enrollments' },
    write: { scope: 'journeys:write', description: 'Create journeys and enroll customers' },
  },
  products: {
    description: 'Catalogue and inventory',
    read: { scope: 'products:read', description: 'List and read products and inventory' },
    write: { scope: 'products:write', description: 'Create and update products and inventory' },
  },
  contacts: {
    description: 'Contacts, consent, lists and suppression',
    read: { scope: 'contacts:read', description: 'List and read contacts, lists and consent history' },
    write: { scope: 'contacts:write', description: 'Create and update contacts, lists and consent' },
  },
  webhooks: {
    description: 'Outbound webhook endpoints and deliveries',
    read: { scope: 'webhooks:read', description: 'List endpoints and inspect deliveries' },
    write: { scope: 'webhooks:write', description: 'Create, update, delete endpoints and replay deliveries' },
  },
  reviews: {
    description: 'Product reviews and their moderation',
    read: { scope: 'reviews:read', description: 'List and read reviews' },
    write: { scope: 'reviews:write', description: 'Moderate, reply to and import reviews' },
  },
  settings: {
    description: 'Shop settings and inbound webhook secrets',
    read: { scope: 'settings:read', description: 'Read the shop’s settings (secrets only as set or not set)' },
    write: { scope: 'settings:write', description: 'Change the shop’s settings and set inbound webhook secrets' },
  },
  storefront: {
    description: 'Storefront offers: bundles, upsell rules, quizzes and referrals',
    read: { scope: 'storefront:read', description: 'List bundles, upsell rules, quizzes and referral claims' },
    write: { scope: 'storefront:write', description: 'Create, update and delete bundles, upsell rules and quizzes' },
  },
} as const satisfies Record<string, ScopeGroup>;

export type ScopeResource = keyof typeof SCOPE_GROUPS;

const SCOPE_SET: ReadonlySet<string> = new Set(SCOPES);

export function isScope(value: string): value is Scope {
  return SCOPE_SET.has(value);
}
