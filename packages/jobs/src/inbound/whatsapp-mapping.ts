import { z } from 'zod';
import { parseOrFail } from './payload-error';

export const WHATSAPP_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;

export type StatusInput = {
  messageId: string;
  status: (typeof WHATSAPP_STATUSES)[number];
  recipient: string | null;
  occurredAt: Date;
  errors: unknown[] | null;
};

// Meta Cloud API: { object, entry: [{ id, changes: [{ field, value: { statuses?, messages? } }] }] }.
const ZStatus = z.object({
  id: z.string().min(1).max(300),
  status: z.string().min(1).max(40),
  timestamp: z.union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative()]),
  recipient_id: z.string().max(40).nullish(),
  errors: z.array(z.unknown()).max(20).nullish(),
});

const ZWhatsappPayload = z.object({
  object: z.string().optional(),
  entry: z
    .array(z.object({
      id: z.string().optional(),
      changes: z.array(z.object({
        field: z.string().optional(),
        value: z.object({ statuses: z.array(ZStatus).max(1000).optional(), messages: z.array(z.unknown()).optional() }),
      })).max(100),
    }))
    .max(100),
});

/**
 * The message status updates of one webhook. Statuses other than sent, delivered, read and
 * failed (Meta adds some, e.g. `deleted`) and incoming messages are counted, not stored.
 */
export const parseWhatsappStatuses = (payload: unknown): { statuses: StatusInput[]; ignoredStatuses: number; messages: number } => {
  const p = parseOrFail(ZWhatsappPayload, payload, 'the WhatsApp webhook');
  const statuses: StatusInput[] = [];
  let ignoredStatuses = 0;
  let messages = 0;
  for (const entry of p.entry) {
    for (const change of entry.changes) {
      messages += change.value.messages?.length ?? 0;
      for (const s of change.value.statuses ?? []) {
        if (!(WHATSAPP_STATUSES as readonly string[]).includes(s.status)) {
          ignoredStatuses += 1;
          continue;
        }
        statuses.push({
          messageId: s.id,
          status: s.status as StatusInput['status'],
          recipient: s.recipient_id ?? null,
          occurredAt: new Date(Number(s.timestamp) * 1000),
          errors: s.errors ?? null,
        });
      }
    }
  }
  return { statuses, ignoredStatuses, messages };
};
