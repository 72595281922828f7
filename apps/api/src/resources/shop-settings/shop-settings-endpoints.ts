import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { openSecret, sealSecret } from '@sumeru/auth';
import { schema, type Tx } from '@sumeru/db';
import { notFound, validationError } from '@sumeru/errors';
import { attributesBody } from '../../api-docs/resource-schemas';
import { unwrapAttributes, zodToValidationError } from '../../listing/attributes';
import { defineEndpoint } from '../../pipeline/endpoint';
import { READ_ONLY_ATTRIBUTES, serializeShopSettings, ZShopSettingsBody, ZShopSettingsWrite, type ShopSettingsWrite } from './shop-settings-resource';

const s = schema.shops;
/** Shopify may keep signing with the old secret for a while after it is changed. */
const PREVIOUS_SHOPIFY_SECRET_HOURS = 1;

const findShop = async (tx: Tx, shopId: string) => {
  const [row] = await tx.select().from(s).where(eq(s.id, shopId)).limit(1);
  if (!row) throw notFound('shop');
  return row;
};

const parseSettings = (body: unknown): ShopSettingsWrite => {
  const attributes = unwrapAttributes(body);
  const readOnly = Object.keys(attributes).filter((k) => READ_ONLY_ATTRIBUTES.includes(k));
  if (readOnly.length > 0) throw validationError(readOnly[0]!, `${readOnly.join(', ')} ${readOnly.length > 1 ? 'are' : 'is'} read-only`, { read_only: readOnly });
  if (Object.keys(attributes).length === 0) throw validationError('data.attributes', 'name at least one attribute to change');
  const parsed = ZShopSettingsWrite.safeParse(attributes);
  if (!parsed.success) throw zodToValidationError(parsed.error);
  return parsed.data;
};

export const getShopSettings = defineEndpoint<Record<string, never>, Record<string, never>>({
  operationId: 'getShopSettings', method: 'get', path: '/shop', summary: 'Get the shop’s settings (secrets only as set or not set)',
  scope: 'settings:read', stability: 'beta', query: z.strictObject({}), responseSchema: ZShopSettingsBody,
  handler: async ({ tx, token }) => ({ status: 200, body: { data: serializeShopSettings(await findShop(tx, token.shopId)) } }),
});

/**
 * Name, domain, currency, time zone and the inbound webhook secrets (sealed with the platform
 * secret). A new Shopify secret leaves the previous one valid for an hour.
 */
export const updateShopSettings = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
  operationId: 'updateShopSettings', method: 'patch', path: '/shop', summary: 'Update the shop’s settings and inbound webhook secrets',
  scope: 'settings:write', stability: 'beta', operation: 'update', query: z.strictObject({}), body: z.unknown(),
  requestSchema: attributesBody(ZShopSettingsWrite), responseSchema: ZShopSettingsBody,
  handler: async ({ tx, token, body, deps }) => {
    const a = parseSettings(body);
    const current = await findShop(tx, token.shopId);
    const seal = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : sealSecret(value, deps.secret));
    const changes: Partial<typeof s.$inferInsert> = { updatedAt: new Date() };
    if (a.name !== undefined) changes.name = a.name;
    if (a.domain !== undefined) changes.domain = a.domain;
    if (a.currency !== undefined) changes.currency = a.currency;
    if (a.timezone !== undefined) changes.timezone = a.timezone;
    if (a.whatsapp_verify_token !== undefined) changes.whatsappVerifyTokenSealed = seal(a.whatsapp_verify_token);
    if (a.whatsapp_app_secret !== undefined) changes.whatsappAppSecretSealed = seal(a.whatsapp_app_secret);
    if (a.marketplace_webhook_secret !== undefined) changes.marketplaceWebhookSecretSealed = seal(a.marketplace_webhook_secret);
    if (a.shopify_webhook_secret === null) {
      Object.assign(changes, { shopifyWebhookSecretSealed: null, shopifyWebhookSecretPreviousSealed: null, shopifyWebhookSecretPreviousExpiresAt: null });
    } else if (a.shopify_webhook_secret !== undefined) {
      const before = current.shopifyWebhookSecretSealed ? openSecret(current.shopifyWebhookSecretSealed, deps.secret) : null;
      if (before !== a.shopify_webhook_secret) {
        Object.assign(changes, {
          shopifyWebhookSecretSealed: seal(a.shopify_webhook_secret),
          shopifyWebhookSecretPreviousSealed: before ? current.shopifyWebhookSecretSealed : null,
          shopifyWebhookSecretPreviousExpiresAt: before ? sql`now() + make_interval(hours => ${PREVIOUS_SHOPIFY_SECRET_HOURS})` : null,
        });
      }
    }
    // The shop row is writable only in its agency's context (shops_agency_rw); the token's
    // agency is set for this one statement and cleared again.
    await tx.execute(sql`select set_config('app.agency_id', ${token.agencyId}, true)`);
    const [row] = await tx.update(s).set(changes).where(eq(s.id, current.id)).returning();
    await tx.execute(sql`select set_config('app.agency_id', '', true)`);
    return { status: 200, body: { data: serializeShopSettings(row!) } };
  },
});
