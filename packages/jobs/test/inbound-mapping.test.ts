import { describe, expect, it } from 'vitest';
import { ZAmountMinor } from '../src/inbound/amounts';
import { mapMarketplaceFeed } from '../src/inbound/marketplace-mapping';
import { PayloadError } from '../src/inbound/payload-error';
import { mapShopifyCustomer, mapShopifyOrder, mapShopifyProduct, shopifyOrderStatus, splitTags } from '../src/inbound/shopify-mapping';
import { parseWhatsappStatuses } from '../src/inbound/whatsapp-mapping';

const shopifyOrder = {
  id: 5400000001,
  name: '#1001',
  email: 'Ada@Example.com',
  currency: 'EUR',
  created_at: '2026-05-01T10:00:00+02:00',
  processed_at: '2026-05-01T10:00:05+02:00',
  financial_status: 'paid',
  fulfillment_status: null,
  total_price: '54.90',
  total_discounts: '5.00',
  total_tax: '8.77',
  shipping_lines: [{ price: '4.90' }],
  line_items: [
    { title: 'Mug', quantity: 2, price: '12.50', sku: 'MUG-1', product_id: 8200000001 },
    { title: 'Tea', quantity: 1, price: '30.00', sku: '', product_id: null },
  ],
  customer: { id: 6100000001, email: null, first_name: 'Ada', last_name: 'Lovelace', tags: 'vip, wholesale,, bad/tag', email_marketing_consent: { state: 'subscribed' } },
  some_new_field: { ignored: true },
};

describe('Shopify orders', () => {
  it('maps ids, amounts in minor units, lines and the customer', () => {
    const o = mapShopifyOrder(shopifyOrder);
    expect(o).toMatchObject({
      externalId: 'shopify_5400000001', number: '#1001', status: 'paid', currency: 'EUR',
      discountMinor: 500, shippingMinor: 490, taxMinor: 877, totalMinor: 5490,
    });
    expect(o.placedAt.toISOString()).toBe('2026-05-01T08:00:05.000Z');
    expect(o.lines).toEqual([
      { title: 'Mug', sku: 'MUG-1', quantity: 2, unitPriceMinor: 1250, productExternalId: 'shopify_8200000001' },
      { title: 'Tea', sku: null, quantity: 1, unitPriceMinor: 3000, productExternalId: null },
    ]);
    // The order's email stands in for a customer without one; lower-cased like the API's.
    expect(o.customer).toEqual({ externalId: 'shopify_6100000001', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', tags: ['vip', 'wholesale'], acceptsMarketing: true });
  });

  it('derives the status: cancelled and refunded first, then fulfilment, then payment', () => {
    expect(shopifyOrderStatus({ cancelled_at: '2026-05-01T00:00:00Z', financial_status: 'paid', fulfillment_status: 'fulfilled' })).toBe('cancelled');
    expect(shopifyOrderStatus({ financial_status: 'refunded', fulfillment_status: 'fulfilled' })).toBe('refunded');
    expect(shopifyOrderStatus({ financial_status: 'paid', fulfillment_status: 'fulfilled' })).toBe('fulfilled');
    expect(shopifyOrderStatus({ financial_status: 'partially_refunded' })).toBe('paid');
    expect(shopifyOrderStatus({ financial_status: 'pending' })).toBe('pending');
  });

  it('refuses a malformed order with a reason naming the field', () => {
    expect(() => mapShopifyOrder({ ...shopifyOrder, total_price: '12.345' })).toThrow(/total_price: must be a non-negative decimal/);
    expect(() => mapShopifyOrder({ ...shopifyOrder, line_items: 'x' })).toThrow(PayloadError);
    expect(() => mapShopifyOrder({ ...shopifyOrder, id: undefined })).toThrow(/id/);
    expect(() => mapShopifyOrder([])).toThrow(PayloadError);
  });

  it('reads amounts exactly through their text', () => {
    expect(ZAmountMinor.parse('0.10')).toBe(10);
    expect(ZAmountMinor.parse(19.99)).toBe(1999);
    expect(ZAmountMinor.parse('1000000.5')).toBe(100000050);
    expect(ZAmountMinor.safeParse('-1').success).toBe(false);
    expect(ZAmountMinor.safeParse('1e3').success).toBe(false);
  });
});

describe('Shopify customers and products', () => {
  it('a customer update replaces every field, clearing what Shopify no longer has', () => {
    expect(mapShopifyCustomer({ id: '61', email: 'B@x.io', first_name: 'B', accepts_marketing: false, tags: '' })).toEqual({
      externalId: 'shopify_61', email: 'b@x.io', firstName: 'B', lastName: null, phone: null, tags: [], acceptsMarketing: false,
    });
  });

  it('a product takes its first variant’s sku and price; a handle is slugified, or derived from the title', () => {
    const p = mapShopifyProduct({ id: 82, title: 'Crème Mug', handle: 'Not A Handle', body_html: '<p>Hi</p>', status: 'draft', tags: 'a,b', variants: [{ sku: 'MUG', price: '9.90' }, { sku: 'MUG-L', price: '11.00' }] });
    expect(p).toEqual({ externalId: 'shopify_82', title: 'Crème Mug', handle: 'not-a-handle', description: '<p>Hi</p>', vendor: null, productType: null, status: 'draft', sku: 'MUG', priceMinor: 990, tags: ['a', 'b'] });
    expect(mapShopifyProduct({ id: 84, title: 'Crème Mug' }).handle).toBe('creme-mug');
    expect(mapShopifyProduct({ id: 83, title: 'T', handle: 'ok-handle' })).toMatchObject({ handle: 'ok-handle', sku: null, priceMinor: 0, status: 'active' });
  });

  it('splits tags, dropping empty and invalid ones and duplicates', () => {
    expect(splitTags(' a, b ,a,, c/d ')).toEqual(['a', 'b']);
    expect(splitTags(null)).toEqual([]);
  });
});

describe('WhatsApp statuses', () => {
  const body = (statuses: unknown[]) => ({ object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', statuses } }] }] });

  it('keeps sent, delivered, read and failed; counts the rest', () => {
    const parsed = parseWhatsappStatuses(body([
      { id: 'wamid.1', status: 'delivered', timestamp: '1767225600', recipient_id: '4915' },
      { id: 'wamid.1', status: 'deleted', timestamp: '1767225601' },
      { id: 'wamid.2', status: 'failed', timestamp: 1767225602, errors: [{ code: 131026 }] },
    ]));
    expect(parsed.ignoredStatuses).toBe(1);
    expect(parsed.statuses).toEqual([
      { messageId: 'wamid.1', status: 'delivered', recipient: '4915', occurredAt: new Date('2026-01-01T00:00:00Z'), errors: null },
      { messageId: 'wamid.2', status: 'failed', recipient: null, occurredAt: new Date('2026-01-01T00:00:02Z'), errors: [{ code: 131026 }] },
    ]);
  });

  it('refuses a body without entries', () => {
    expect(() => parseWhatsappStatuses({ object: 'x' })).toThrow(/entry/);
  });
});

describe('marketplace feed', () => {
  const order = { id: 'A-1', currency: 'EUR', placed_at: '2026-05-01T10:00:00Z', shipping_total: 4.5, discount_total: '1.00', line_items: [{ sku: 'MUG-1', title: 'Mug', quantity: 3, unit_price: 10 }], customer: { id: 77, email: 'C@x.io' } };

  it('prefixes ids with the source and computes the total from the lines', () => {
    const [o] = mapMarketplaceFeed('zalando', order);
    expect(o).toMatchObject({ externalId: 'zalando_A-1', number: 'A-1', status: 'paid', shippingMinor: 450, discountMinor: 100, totalMinor: null });
    expect(o!.customer).toEqual({ externalId: 'zalando_77', email: 'c@x.io', currency: 'EUR' });
  });

  it('accepts a batch and names the bad order by its index', () => {
    expect(mapMarketplaceFeed('m', { orders: [order, { ...order, id: 'A-2' }] }).map((o) => o.externalId)).toEqual(['m_A-1', 'm_A-2']);
    expect(() => mapMarketplaceFeed('m', { orders: [order, { ...order, line_items: [] }] })).toThrow(/orders\[1\].*line_items/);
  });

  it('refuses discounts above the order value', () => {
    expect(() => mapMarketplaceFeed('m', { ...order, discount_total: 100 })).toThrow(/discounts exceed/);
  });
});
