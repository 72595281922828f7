import type { schema } from '@sumeru/db';
import { moneyToMinor, newId, recommendActions, scoreRfm } from '@sumeru/domain';
import { DAY_MS, flipCoin, pickInt, pickOne, type Random } from './random';

type Tenant = { agencyId: string; shopId: string };
type CustomerRow = typeof schema.customers.$inferInsert;
type ProductRow = typeof schema.products.$inferInsert;

const KEYWORDS = ['trail running shoes', 'waterproof jacket', 'merino socks', 'ceramic mugs', 'linen bedding', 'gift ideas', 'free shipping', 'best hiking boots'];

/** A completed RFM run over the demo customers, computed with the same domain code the API runs. */
export const buildDecisionRun = (tenant: Tenant, customers: CustomerRow[], now: Date) => {
  const inputs = customers.map((c) => ({ id: c.id!, lastOrderAt: c.lastOrderAt ?? null, ordersCount: c.ordersCount ?? 0, totalSpentMinor: moneyToMinor(String(c.totalSpent ?? '0')) }));
  const scores = scoreRfm(inputs, now);
  const stageCounts: Record<string, number> = {};
  for (const s of scores) stageCounts[s.stage] = (stageCounts[s.stage] ?? 0) + 1;
  return {
    id: newId('run'), ...tenant, kind: 'rfm', status: 'succeeded' as const, trigger: 'schedule' as const, customersScored: scores.length,
    stageCounts, stageChanges: 0, recommendations: recommendActions(scores, inputs), startedAt: new Date(now.getTime() - 3_600_000), finishedAt: new Date(now.getTime() - 3_590_000),
  };
};

/** SEO keywords with eight weeks of position history. */
export const buildKeywords = (random: Random, tenant: Tenant, domain: string, now: Date) =>
  KEYWORDS.map((keyword, i) => {
    let position = pickInt(random, 3, 40);
    const positionHistory = Array.from({ length: 8 }, (_, w) => {
      position = Math.max(1, position + pickInt(random, -4, 3));
      return { date: new Date(now.getTime() - (7 - w) * 7 * DAY_MS).toISOString().slice(0, 10), position };
    });
    return {
      id: newId('keyword'), ...tenant, externalId: `kw-${i + 1}`, keyword, targetUrl: `https://${domain}/${keyword.replace(/ /g, '-')}`,
      locale: 'en', position, positionHistory, searchVolume: pickInt(random, 200, 40_000), difficulty: pickInt(random, 5, 90),
    };
  });

/** Contacts from the customers who gave consent, a couple of suppressed addresses, carts and vouchers. */
export const buildIngestion = (random: Random, tenant: Tenant, customers: CustomerRow[], products: ProductRow[], currency: string, now: Date) => {
  const contacts = customers.filter((c) => c.email).slice(0, 120).map((c, i) => ({
    id: newId('contact'), ...tenant, externalId: `contact-${i + 1}`, email: c.email!, firstName: c.firstName ?? null, lastName: c.lastName ?? null,
    emailConsent: c.acceptsMarketing ? ('subscribed' as const) : pickOne(random, ['unknown', 'unsubscribed', 'pending'] as const),
    smsConsent: flipCoin(random, 0.3) ? ('subscribed' as const) : ('unknown' as const), consentSource: 'checkout',
  }));
  const rejects = contacts.slice(0, 3).map((c, i) => ({
    id: newId('messageReject'), ...tenant, externalId: `reject-${i + 1}`, channel: 'email' as const, address: c.email.toLowerCase(),
    reason: pickOne(random, ['hard_bounce', 'complaint', 'unsubscribe'] as const), occurredAt: new Date(now.getTime() - pickInt(random, 1, 60) * DAY_MS),
  }));
  const carts = customers.slice(0, 25).map((c, i) => {
    const items = Array.from({ length: pickInt(random, 1, 3) }, () => {
      const p = pickOne(random, products);
      return { sku: p.sku ?? `SKU-${i}`, title: p.title, quantity: pickInt(random, 1, 3), unit_price: Number(p.price) };
    });
    const totalMinor = items.reduce((n, it) => n + it.quantity * Math.round(it.unit_price * 100), 0);
    const abandoned = flipCoin(random, 0.6);
    return {
      id: newId('cart'), ...tenant, externalId: `cart-${i + 1}`, customerExternalId: c.externalId ?? null, email: c.email ?? null, currency,
      total: (totalMinor / 100).toFixed(2), items, status: abandoned ? ('abandoned' as const) : ('converted' as const),
      abandonedAt: abandoned ? new Date(now.getTime() - pickInt(random, 1, 72) * 3_600_000) : null,
    };
  });
  const vouchers = [
    { code: 'WELCOME10', discountType: 'percentage' as const, amount: '10.00' },
    { code: 'FREESHIP', discountType: 'free_shipping' as const, amount: '0.00' },
    { code: 'SPRING15', discountType: 'fixed_amount' as const, amount: '15.00', minimumOrder: '75.00' },
  ].map((v, i) => ({ id: newId('voucher'), ...tenant, externalId: `voucher-${i + 1}`, currency, timesUsed: pickInt(random, 0, 40), ...v }));
  return { contacts, rejects, carts, vouchers };
};
