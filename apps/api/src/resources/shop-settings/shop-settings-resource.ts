import { z } from 'zod';
import type { schema } from '@sumeru/db';
import { CURRENCIES } from '@sumeru/domain';

type ShopRow = typeof schema.shops.$inferSelect;

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const ZSecret = (what: string, min: number) =>
  z
    .string()
    .regex(new RegExp(`^[\\x21-\\x7e]{${min},500}$`), `must be ${min} to 500 visible ASCII characters`)
    .nullable()
    .optional()
    .describe(`${what}. Write-only: never returned, reads show only whether it is set; null removes it`);

/** What PATCH /shop accepts. The secrets are sealed at rest and never read back. */
export const ZShopSettingsWrite = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .max(253)
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a host name such as shop.example.com')
    .nullable()
    .optional(),
  currency: z.enum(CURRENCIES).optional(),
  timezone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin').optional(),
  shopify_webhook_secret: ZSecret('The Shopify app’s webhook signing secret (X-Shopify-Hmac-Sha256); on a change the previous one stays valid for an hour', 8),
  whatsapp_verify_token: ZSecret('The token Meta sends in the hub.challenge handshake', 8),
  whatsapp_app_secret: ZSecret('The Meta app secret that signs WhatsApp webhooks (X-Hub-Signature-256)', 8),
  marketplace_webhook_secret: ZSecret('The HMAC secret of the marketplace order feeds (X-Sumeru-Marketplace-Signature)', 16),
});

export type ShopSettingsWrite = z.infer<typeof ZShopSettingsWrite>;

export const ZShopSettingsAttributes = z.object({
  name: z.string(),
  domain: z.string().nullable(),
  currency: z.string(),
  timezone: z.string(),
  status: z.enum(['active', 'archived']),
  shopify_webhook_secret_set: z.boolean(),
  shopify_webhook_previous_secret_expires_at: z.iso.datetime().nullable().describe('Until then, the Shopify secret before the last change is accepted too'),
  whatsapp_verify_token_set: z.boolean(),
  whatsapp_app_secret_set: z.boolean(),
  marketplace_webhook_secret_set: z.boolean(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

export const ZShopSettingsBody = z.object({ data: z.object({ id: z.string(), type: z.literal('shop'), attributes: ZShopSettingsAttributes }) });

export const READ_ONLY_ATTRIBUTES = Object.keys(ZShopSettingsAttributes.shape).filter((k) => !(k in ZShopSettingsWrite.shape));

export const serializeShopSettings = (row: ShopRow, now = new Date()) => ({
  id: row.id,
  type: 'shop' as const,
  attributes: {
    name: row.name,
    domain: row.domain,
    currency: row.currency,
    timezone: row.timezone,
    status: row.status,
    shopify_webhook_secret_set: row.shopifyWebhookSecretSealed !== null,
    shopify_webhook_previous_secret_expires_at:
      row.shopifyWebhookSecretPreviousSealed && row.shopifyWebhookSecretPreviousExpiresAt && row.shopifyWebhookSecretPreviousExpiresAt > now
        ? row.shopifyWebhookSecretPreviousExpiresAt.toISOString()
        : null,
    whatsapp_verify_token_set: row.whatsappVerifyTokenSealed !== null,
    whatsapp_app_secret_set: row.whatsappAppSecretSealed !== null,
    marketplace_webhook_secret_set: row.marketplaceWebhookSecretSealed !== null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  },
});
