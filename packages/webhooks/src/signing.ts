import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** `whsec_` + base64 of 32 random bytes, shown once to the operator. */
export const generateWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

const hmac = (key: string | Buffer, message: string) => createHmac('sha256', key).update(message);

const equalBytes = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/** Standard Webhooks keys with the bytes after `whsec_`, base64-decoded. */
const standardKey = (secret: string) => Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');

export type SignedHeaders = Record<string, string>;

/**
 * Headers for one delivery. `X-Sumeru-Signature: t=<unix>,v1=<hex>` signs "<t>.<body>" with the
 * whole secret string (as Stripe does), one `v1` per active secret during rotation; the
 * Standard Webhooks headers sign "<id>.<t>.<body>" with the decoded secret, so the
 * `standardwebhooks` verifiers accept them.
 */
export const signDelivery = (input: { eventId: string; eventType: string; body: string; secrets: readonly string[]; timestamp: number; attempt: number }): SignedHeaders => {
  const t = String(input.timestamp);
  const sumeru = input.secrets.map((s) => `v1=${hmac(s, `${t}.${input.body}`).digest('hex')}`);
  const standard = input.secrets.map((s) => `v1,${hmac(standardKey(s), `${input.eventId}.${t}.${input.body}`).digest('base64')}`);
  return {
    'Content-Type': 'application/json',
    'X-Sumeru-Signature': [`t=${t}`, ...sumeru].join(','),
    'X-Sumeru-Event-Id': input.eventId,
    'X-Sumeru-Event-Type': input.eventType,
    'X-Sumeru-Delivery-Attempt': String(input.attempt),
    'webhook-id': input.eventId,
    'webhook-timestamp': t,
    'webhook-signature': standard.join(' '),
  };
};

/**
 * What a receiver runs (and the SDK ships): any `v1` matching, within `toleranceSeconds` of now,
 * compared in constant time.
 */
export const verifySumeruSignature = (header: string | undefined, body: string, secret: string, options: { toleranceSeconds?: number; now?: number } = {}): boolean => {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.trim());
  const t = parts.find((p) => p.startsWith('t='))?.slice(2);
  if (!t || !/^\d{1,12}$/.test(t)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(t)) > (options.toleranceSeconds ?? 300)) return false;
  const expected = hmac(secret, `${t}.${body}`).digest();
  return parts.filter((p) => p.startsWith('v1=')).some((p) => equalBytes(Buffer.from(p.slice(3), 'hex'), expected));
};

/** Shopify: `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw body. */
export const verifyShopifyHmac = (rawBody: Buffer, header: string | undefined, secret: string): boolean =>
  !!header && equalBytes(Buffer.from(header, 'base64'), createHmac('sha256', secret).update(rawBody).digest());

/** Meta (WhatsApp Cloud API): `X-Hub-Signature-256: sha256=<hex>` over the raw body with the app secret. */
export const verifyMetaSignature = (rawBody: Buffer, header: string | undefined, appSecret: string): boolean =>
  !!header && header.startsWith('sha256=') && equalBytes(Buffer.from(header.slice(7), 'hex'), createHmac('sha256', appSecret).update(rawBody).digest());

/**
 * The inverse of `verifySumeruWebhook`: the `X-Sumeru-Signature` value for a body, as the
 * worker sends it (for test fixtures, SDKs and receivers' own tests).
 */
export const signSumeruWebhook = (rawBody: string | Buffer, secret: string, options: { timestamp?: number } = {}): string => {
  const t = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const body = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  return `t=${t},v1=${hmac(secret, `${t}.${body}`).digest('hex')}`;
};

/** The helper the cookbook and SDK document: `verifySumeruWebhook(rawBody, header, secret)`. */
export const verifySumeruWebhook = (rawBody: string | Buffer, signatureHeader: string | undefined, secret: string, options: { toleranceSeconds?: number; now?: number } = {}): boolean =>
  verifySumeruSignature(signatureHeader, typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'), secret, options);
