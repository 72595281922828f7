import { z } from 'zod';

/**
 * A campaign's life: drafted, then launched now (sending) or for later (scheduled); the
 * delivery worker finishes sending (sent). Anything not yet sent can be cancelled.
 */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_CHANNELS = ['email', 'sms', 'whatsapp'] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

export type CampaignAction = 'launch' | 'cancel' | 'complete';

const TRANSITIONS: Record<CampaignAction, Partial<Record<CampaignStatus, true>>> = {
  launch: { draft: true },
  cancel: { draft: true, scheduled: true, sending: true },
  complete: { sending: true },
};

export type Transition = { ok: true; status: CampaignStatus } | { ok: false; reason: string };

/** The status after `action`, or why it is not allowed from `current`. Pure: no clock, no I/O. */
export const transitionCampaign = (
  current: CampaignStatus,
  action: CampaignAction,
  options: { scheduledAt?: Date | null; now: Date } = { now: new Date() },
): Transition => {
  if (!TRANSITIONS[action][current]) {
    return { ok: false, reason: `a ${current} campaign cannot ${action === 'complete' ? 'complete sending' : `be ${action === 'launch' ? 'launched' : 'cancelled'}`}` };
  }
  if (action === 'launch') {
    const later = options.scheduledAt && options.scheduledAt.getTime() > options.now.getTime();
    return { ok: true, status: later ? 'scheduled' : 'sending' };
  }
  return { ok: true, status: action === 'cancel' ? 'cancelled' : 'sent' };
};

/**
 * A saved segment: which customers a campaign reaches. Every condition is optional and they
 * AND together; an empty definition is every customer of the shop.
 */
export const ZSegmentDefinition = z
  .strictObject({
    lifecycle_stage: z.array(z.enum(['new', 'active', 'loyal', 'at_risk', 'churned'])).min(1).max(5).optional(),
    tags_any: z.array(z.string().min(1).max(64)).min(1).max(50).optional(),
    accepts_marketing: z.boolean().optional(),
    total_spent_gte: z.number().nonnegative().optional(),
    total_spent_lte: z.number().nonnegative().optional(),
    orders_count_gte: z.number().int().nonnegative().optional(),
    orders_count_lte: z.number().int().nonnegative().optional(),
    last_order_after: z.iso.datetime({ offset: true }).optional(),
    last_order_before: z.iso.datetime({ offset: true }).optional(),
  })
  .describe('Conditions on customers, ANDed together');
export type SegmentDefinition = z.infer<typeof ZSegmentDefinition>;
