import { z } from 'zod';

/** Lifecycle stages, ordered from first contact to lost; decision-intelligence runs assign them. */
export const LIFECYCLE_STAGES = ['new', 'active', 'loyal', 'at_risk', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export const ZLifecycleStage = z.enum(LIFECYCLE_STAGES);

export const ORDER_STATUSES = ['pending', 'paid', 'fulfilled', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ZOrderStatus = z.enum(ORDER_STATUSES);

export const ZTag = z.string().trim().min(1).max(64).regex(/^[\w\-:. ]+$/, 'tags hold letters, digits, spaces and - _ : .');
export const ZTags = z.array(ZTag).max(50).transform((tags) => [...new Set(tags)]);
