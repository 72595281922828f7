import { z } from 'zod';

export const JOURNEY_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

export const ENROLLMENT_STATUSES = ['active', 'completed', 'exited', 'failed'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** Events a journey can start on: storefront pixel events, commerce events, or an API call. */
export const JOURNEY_TRIGGER_EVENTS = [
  'customer.created', 'order.created', 'order.fulfilled', 'page_view', 'product_viewed', 'added_to_cart', 'checkout_started', 'identify',
] as const;

export const ZJourneyTrigger = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('event'), event: z.enum(JOURNEY_TRIGGER_EVENTS) }),
  z.strictObject({ type: z.literal('segment_entry'), segment_id: z.string().min(1) }),
  z.strictObject({ type: z.literal('api') }),
]);
export type JourneyTrigger = z.infer<typeof ZJourneyTrigger>;

const ZSendStep = z
  .strictObject({
    type: z.literal('send'),
    channel: z.enum(['email', 'sms', 'whatsapp']),
    subject: z.string().trim().min(1).max(300).optional(),
    body: z.string().min(1).max(100_000),
  })
  .refine((step) => step.channel !== 'email' || step.subject !== undefined, { message: 'email steps need a subject', path: ['subject'] });

export const ZJourneyStep = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('wait'), hours: z.number().int().min(1).max(24 * 365) }),
  ZSendStep,
  z.strictObject({ type: z.literal('tag'), add: z.array(z.string().min(1).max(64)).max(20).default([]), remove: z.array(z.string().min(1).max(64)).max(20).default([]) }),
  z.strictObject({ type: z.literal('exit') }),
]);
export type JourneyStep = z.infer<typeof ZJourneyStep>;

/** 1–50 steps; `exit`, when present, must be last (nothing after it could ever run). */
export const ZJourneySteps = z
  .array(ZJourneyStep)
  .min(1)
  .max(50)
  .refine((steps) => steps.findIndex((s) => s.type === 'exit') === -1 || steps.findIndex((s) => s.type === 'exit') === steps.length - 1, {
    message: 'exit must be the last step',
  });
