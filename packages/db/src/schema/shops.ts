import { sql } from 'drizzle-orm';
import { index, pgPolicy, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { agencies } from './agencies';
import { appRole, currentAgency, currentShop, timestamps } from './columns';

export const SHOP_STATUSES = ['active', 'archived'] as const;

export const shops = pgTable(
  'shops',
  {
    id: text('id').primaryKey(),
    agencyId: text('agency_id').notNull().references(() => agencies.id),
    name: text('name').notNull(),
    domain: text('domain'),
    currency: text('currency').notNull().default('EUR'),
    timezone: text('timezone').notNull().default('UTC'),
    status: text('status', { enum: SHOP_STATUSES }).notNull().default('active'),
    /** Inbound webhook secrets, sealed with the platform secret (AES-256-GCM), never plain. */
    shopifyWebhookSecretSealed: text('shopify_webhook_secret_sealed'),
    /** After a rotation the previous Shopify secret is accepted for an hour (Shopify may still sign with it). */
    shopifyWebhookSecretPreviousSealed: text('shopify_webhook_secret_previous_sealed'),
    shopifyWebhookSecretPreviousExpiresAt: timestamp('shopify_webhook_secret_previous_expires_at', { withTimezone: true, mode: 'date' }),
    whatsappVerifyTokenSealed: text('whatsapp_verify_token_sealed'),
    /** Meta signs WhatsApp webhooks (X-Hub-Signature-256) with the app secret. */
    whatsappAppSecretSealed: text('whatsapp_app_secret_sealed'),
    /** One HMAC secret for every marketplace feed of the shop. */
    marketplaceWebhookSecretSealed: text('marketplace_webhook_secret_sealed'),
    ...timestamps,
  },
  (t) => [
    // Target of the composite foreign keys that tie every tenant row to a shop of its agency.
    unique('shops_id_agency_key').on(t.id, t.agencyId),
    index('shops_agency_idx').on(t.agencyId, t.createdAt),
    pgPolicy('shops_agency_rw', { for: 'all', to: appRole, using: sql`agency_id = ${currentAgency}`, withCheck: sql`agency_id = ${currentAgency}` }),
    pgPolicy('shops_own_read', { for: 'select', to: appRole, using: sql`id = ${currentShop}` }),
  ],
);
