import { minorToMoney } from '@sumeru/domain';
import type { CreditedOrder, TouchpointRow } from './credit-orders';

export const touchpointResource = (t: TouchpointRow) => ({
  id: t.id,
  type: 'touchpoint',
  attributes: {
    occurred_at: t.occurredAt.toISOString(), channel: t.channel, source: t.source, medium: t.medium, campaign: t.campaign,
    click_id: t.clickId, landing_url: t.landingUrl, referrer: t.referrer, customer_id: t.customerId,
  },
});

/** One order's credits as an `order_attribution` resource. */
export const presentAttribution = ({ order, credits }: CreditedOrder, model: string) => ({
  id: order.id,
  type: 'order_attribution',
  attributes: {
    order_id: order.id, placed_at: order.placedAt.toISOString(), total: Number(order.total), currency: order.currency, model,
    credits: credits.map((c) => ({ touchpoint_id: c.touchpoint.id, channel: c.touchpoint.channel, source: c.touchpoint.source, campaign: c.touchpoint.campaign, credit: Number(c.credit.toFixed(6)), revenue: Number(minorToMoney(c.revenueMinor)) })),
  },
  relationships: {
    order: { data: { type: 'order', id: order.id }, links: { related: `/api/v1/orders/${order.id}` } },
    touchpoints: { data: credits.map((c) => ({ type: 'touchpoint', id: c.touchpoint.id })) },
  },
});
