/** Every event type an endpoint can subscribe to. Adding one is additive; renaming breaks subscribers. */
export const WEBHOOK_EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'order.created',
  'order.updated',
  'product.updated',
  'inventory.updated',
  'campaign.launched',
  'journey.enrollment.created',
  'review.submitted',
  'webhook_endpoint.disabled',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
