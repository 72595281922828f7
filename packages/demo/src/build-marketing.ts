import type { schema } from '@sumeru/db';
import { newId, type JourneyStep, type SegmentDefinition } from '@sumeru/domain';
import { DAY_MS, flipCoin, pickInt, pickWeighted, type Random } from './random';

type Tenant = { agencyId: string; shopId: string };
type OrderRow = typeof schema.orders.$inferInsert;
type CustomerRow = typeof schema.customers.$inferInsert;

const CHANNELS = { paid_search: 5, email: 4, social: 3, organic_search: 3, direct: 2, paid_social: 2, referral: 1, sms: 1 } as const;
const SOURCES: Record<keyof typeof CHANNELS, { source: string; medium: string }> = {
  paid_search: { source: 'google', medium: 'cpc' },
  email: { source: 'newsletter', medium: 'email' },
  social: { source: 'instagram', medium: 'social' },
  organic_search: { source: 'google', medium: 'organic' },
  direct: { source: '(direct)', medium: '(none)' },
  paid_social: { source: 'facebook', medium: 'paid_social' },
  referral: { source: 'blog.example.com', medium: 'referral' },
  sms: { source: 'sms', medium: 'sms' },
};

/** Visits before most orders (1–3 in the 3 weeks before), so attribution has something to credit. */
export const buildTouchpoints = (random: Random, tenant: Tenant, orders: OrderRow[]) =>
  orders
    .filter((o) => o.customerId && o.status !== 'cancelled' && flipCoin(random, 0.75))
    .flatMap((o) =>
      Array.from({ length: pickInt(random, 1, 3) }, () => {
        const channel = pickWeighted(random, CHANNELS);
        const occurredAt = new Date(new Date(o.placedAt).getTime() - pickInt(random, 1, 21 * 24) * 3_600_000);
        const campaign = channel === 'paid_search' || channel === 'email' ? `spring-${occurredAt.getUTCFullYear()}` : null;
        return {
          id: newId('touchpoint'), ...tenant, customerId: o.customerId!, occurredAt, channel, ...SOURCES[channel], campaign,
          clickId: channel === 'paid_search' ? `gclid_${newId('touchpoint').slice(4, 16)}` : null,
          landingUrl: `https://shop.example/landing${campaign ? `?utm_campaign=${campaign}` : ''}`,
        };
      }),
    );

const SEGMENTS: { name: string; definition: SegmentDefinition }[] = [
  { name: 'Loyal customers', definition: { lifecycle_stage: ['loyal'] } },
  { name: 'VIPs who accept marketing', definition: { tags_any: ['vip'], accepts_marketing: true } },
  { name: 'At risk', definition: { lifecycle_stage: ['at_risk'] } },
];

const WELCOME: JourneyStep[] = [
  { type: 'send', channel: 'email', subject: 'Welcome!', body: 'Thanks for joining us.' },
  { type: 'wait', hours: 72 },
  { type: 'send', channel: 'email', subject: 'A little something', body: '10% off your first order.' },
];

/** Segments, two campaigns (one sent last month, one draft), a welcome journey with enrollments. */
export const buildMarketing = (random: Random, tenant: Tenant, customers: CustomerRow[], now: Date) => {
  const segments = SEGMENTS.map((s) => ({ id: newId('segment'), ...tenant, ...s }));
  const sentAt = new Date(now.getTime() - 30 * DAY_MS);
  const campaigns = [
    { id: newId('campaign'), ...tenant, name: 'Spring sale', channel: 'email' as const, audienceId: segments[0]!.id, subject: 'Spring is here', body: '20% off everything', status: 'sent' as const, launchedAt: sentAt, sentAt, recipientsCount: customers.filter((c) => c.lifecycleStage === 'loyal' && c.acceptsMarketing).length },
    { id: newId('campaign'), ...tenant, name: 'Win them back', channel: 'sms' as const, audienceId: segments[2]!.id, subject: null, body: 'We miss you: free shipping this week', status: 'draft' as const },
  ];
  const journey = { id: newId('journey'), ...tenant, name: 'Welcome series', status: 'active' as const, trigger: { type: 'event' as const, event: 'customer.created' as const }, steps: WELCOME };
  const recent = customers.filter((c) => c.lifecycleStage === 'new').slice(0, 30);
  const enrollments = recent.map((c) => {
    const done = flipCoin(random, 0.4);
    return {
      id: newId('enrollment'), ...tenant, journeyId: journey.id, customerId: c.id!, status: done ? ('completed' as const) : ('active' as const),
      currentStep: done ? WELCOME.length : pickInt(random, 0, WELCOME.length - 1), completedAt: done ? now : null,
    };
  });
  return { segments, campaigns, journeys: [journey], enrollments };
};
