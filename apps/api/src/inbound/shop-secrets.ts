import { eq } from 'drizzle-orm';
import { openSecret } from '@sumeru/auth';
import { schema, type Tx } from '@sumeru/db';
import { isIdOf } from '@sumeru/domain';
import { AppError, notFound } from '@sumeru/errors';

export type InboundShop = {
  id: string;
  agencyId: string;
  /** The current Shopify secret, then the previous one while its hour lasts. */
  shopifySecrets: string[];
  whatsappVerifyToken: string | null;
  whatsappAppSecret: string | null;
  marketplaceSecret: string | null;
};

const open = (sealed: string | null, platformSecret: string) => (sealed ? openSecret(sealed, platformSecret) : null);

/**
 * The shop a webhook names, read under its own RLS context, with its inbound secrets opened.
 * An id that is malformed, unknown or archived is the same 404.
 */
export const loadInboundShop = async (tx: Tx, shopId: string, platformSecret: string): Promise<InboundShop> => {
  if (!isIdOf('shop', shopId)) throw notFound('shop');
  const [row] = await tx.select().from(schema.shops).where(eq(schema.shops.id, shopId)).limit(1);
  if (!row || row.status !== 'active') throw notFound('shop');
  const previousValid = row.shopifyWebhookSecretPreviousExpiresAt !== null && row.shopifyWebhookSecretPreviousExpiresAt.getTime() > Date.now();
  return {
    id: row.id,
    agencyId: row.agencyId,
    shopifySecrets: [open(row.shopifyWebhookSecretSealed, platformSecret), previousValid ? open(row.shopifyWebhookSecretPreviousSealed, platformSecret) : null].filter((s): s is string => !!s),
    whatsappVerifyToken: open(row.whatsappVerifyTokenSealed, platformSecret),
    whatsappAppSecret: open(row.whatsappAppSecretSealed, platformSecret),
    marketplaceSecret: open(row.marketplaceWebhookSecretSealed, platformSecret),
  };
};

/** One answer for a missing, malformed or wrong signature and for a shop with no secret set. */
export const badSignature = (header: string): AppError =>
  new AppError('unauthenticated', `The ${header} signature is missing or does not match this shop's secret.`, { details: { header } });
