import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signDelivery, signSumeruWebhook, verifyMetaSignature, verifyShopifyHmac, verifySumeruSignature, verifySumeruWebhook } from './signing';

const body = JSON.stringify({ id: 'evt_1', type: 'order.created', created_at: '2026-05-10T10:00:00Z', data: { id: 'ord_1', total: 487.2, note: 'Grüße' } });
const now = 1_778_400_000;

describe('outbound signatures', () => {
  it('makes whsec_ secrets of 32 random bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('signs "<t>.<body>" with the whole secret string, verifiable by hand and by verifySumeruSignature', () => {
    const secret = generateWebhookSecret();
    const headers = signDelivery({ eventId: 'evt_1', eventType: 'order.created', body, secrets: [secret], timestamp: now, attempt: 1 });
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(headers['X-Sumeru-Signature']).toBe(`t=${now},v1=${expected}`);
    expect(headers).toMatchObject({ 'X-Sumeru-Event-Id': 'evt_1', 'X-Sumeru-Event-Type': 'order.created', 'X-Sumeru-Delivery-Attempt': '1' });
    expect(verifySumeruSignature(headers['X-Sumeru-Signature'], body, secret, { now })).toBe(true);
    expect(verifySumeruSignature(headers['X-Sumeru-Signature'], `${body} `, secret, { now })).toBe(false);
    expect(verifySumeruSignature(headers['X-Sumeru-Signature'], body, generateWebhookSecret(), { now })).toBe(false);
    expect(verifySumeruSignature(headers['X-Sumeru-Signature'], body, secret, { now: now + 301 })).toBe(false);
    expect(verifySumeruSignature('t=abc,v1=00', body, secret, { now })).toBe(false);
    expect(verifySumeruWebhook(Buffer.from(body), headers['X-Sumeru-Signature'], secret, { now })).toBe(true);
  });

  it('carries one signature per active secret during rotation', () => {
    const [oldSecret, newSecret] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signDelivery({ eventId: 'evt_2', eventType: 'x', body, secrets: [oldSecret, newSecret], timestamp: now, attempt: 2 });
    expect(headers['X-Sumeru-Signature']!.match(/v1=/g)).toHaveLength(2);
    expect(verifySumeruSignature(headers['X-Sumeru-Signature'], body, oldSecret, { now })).toBe(true);
    expect(verifySumeruSignature(headers['X-Sumeru-Signature'], body, newSecret, { now })).toBe(true);
  });

  it('is accepted by the standardwebhooks reference verifier, with either secret during rotation', () => {
    const [a, b] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signDelivery({ eventId: 'evt_3', eventType: 'x', body, secrets: [a, b], timestamp: Math.floor(Date.now() / 1000), attempt: 1 });
    const standard = { 'webhook-id': headers['webhook-id']!, 'webhook-timestamp': headers['webhook-timestamp']!, 'webhook-signature': headers['webhook-signature']! };
    expect(new Webhook(a).verify(body, standard)).toEqual(JSON.parse(body));
    expect(new Webhook(b).verify(body, standard)).toEqual(JSON.parse(body));
    expect(() => new Webhook(generateWebhookSecret()).verify(body, standard)).toThrow();
  });
});

describe('signSumeruWebhook, the inverse of verifySumeruWebhook', () => {
  it('produces the header the worker sends, which verifies, and fails on any other body, secret or time', () => {
    const secret = generateWebhookSecret();
    const body = '{"id":"evt_1","type":"order.created"}';
    const header = signSumeruWebhook(body, secret, { timestamp: 1_790_000_000 });
    expect(header).toBe(signDelivery({ eventId: 'evt_1', eventType: 'order.created', body, secrets: [secret], timestamp: 1_790_000_000, attempt: 1 })['X-Sumeru-Signature']);
    expect(verifySumeruWebhook(body, header, secret, { now: 1_790_000_100 })).toBe(true);
    expect(verifySumeruWebhook(`${body} `, header, secret, { now: 1_790_000_100 })).toBe(false);
    expect(verifySumeruWebhook(body, header, generateWebhookSecret(), { now: 1_790_000_100 })).toBe(false);
    expect(verifySumeruWebhook(body, header, secret, { now: 1_790_000_301 })).toBe(false);
  });
});

describe('inbound verification', () => {
  const raw = Buffer.from(body);

  it('checks Shopify’s base64 HMAC of the raw body', () => {
    const header = createHmac('sha256', 'shpss_secret').update(raw).digest('base64');
    expect(verifyShopifyHmac(raw, header, 'shpss_secret')).toBe(true);
    expect(verifyShopifyHmac(raw, header, 'other')).toBe(false);
    expect(verifyShopifyHmac(Buffer.from(`${body} `), header, 'shpss_secret')).toBe(false);
    expect(verifyShopifyHmac(raw, undefined, 'shpss_secret')).toBe(false);
    expect(verifyShopifyHmac(raw, 'short', 'shpss_secret')).toBe(false);
  });

  it('checks Meta’s sha256=<hex> signature', () => {
    const header = `sha256=${createHmac('sha256', 'app-secret').update(raw).digest('hex')}`;
    expect(verifyMetaSignature(raw, header, 'app-secret')).toBe(true);
    expect(verifyMetaSignature(raw, header.replace('sha256=', 'sha1='), 'app-secret')).toBe(false);
    expect(verifyMetaSignature(raw, header, 'wrong')).toBe(false);
  });
});
