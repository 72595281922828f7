import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordEvent, schema, type Tx } from '@sumeru/db';
import { transitionCampaign, type CampaignAction } from '@sumeru/domain';
import { AppError, notFound } from '@sumeru/errors';
import { unwrapAttributes, zodToValidationError } from '../../listing/attributes';
import { defineEndpoint } from '../../pipeline/endpoint';
import { countAudience } from '../segments/audience';
import { findSegment } from '../segments/segment-endpoints';
import { campaignSpec, serializeCampaign } from './campaign-resource';

/** The row, locked: two launches racing on different keys cannot both pass the state check. */
const lockCampaign = async (tx: Tx, id: string) => {
  const [row] = await tx.select().from(schema.campaigns).where(eq(schema.campaigns.id, id)).for('update');
  if (!row) throw notFound('campaign');
  return row;
};

const transitionOr409 = (row: typeof schema.campaigns.$inferSelect, action: CampaignAction, scheduledAt: Date | null) => {
  const result = transitionCampaign(row.status, action, { scheduledAt, now: new Date() });
  if (!result.ok) throw new AppError('conflict', `Cannot ${action}: ${result.reason}.`, { details: { status: row.status, action } });
  return result.status;
};

const parseScheduledAt = (body: unknown): Date | null => {
  if (body === undefined || body === null) return null;
  const attributes = unwrapAttributes(body);
  const parsed = z.strictObject({ scheduled_at: z.iso.datetime({ offset: true }).optional() }).safeParse(attributes);
  if (!parsed.success) throw zodToValidationError(parsed.error);
  return parsed.data.scheduled_at ? new Date(parsed.data.scheduled_at) : null;
};

/**
 * Launch now (`sending`) or at `scheduled_at` (`scheduled`). The recipient count is fixed at
 * launch: the audience's customers who accept marketing. Delivery itself (sending → sent) is
 * the worker's job.
 */
export const launchCampaign = defineEndpoint<{ id: string }, Record<string, never>, unknown>({
  operationId: 'launchCampaign',
  method: 'post',
  path: '/campaigns/:id/launch',
  summary: 'Launch a campaign now or schedule it',
  scope: 'campaigns:write',
  stability: 'stable',
  resource: campaignSpec,
  params: z.object({ id: z.string() }),
  query: z.strictObject({}),
  body: z.unknown(),
  handler: async ({ tx, params, body, token }) => {
    const scheduledAt = parseScheduledAt(body);
    const row = await lockCampaign(tx, params.id);
    const status = transitionOr409(row, 'launch', scheduledAt);
    const audience = await findSegment(tx, row.audienceId);
    const recipients = audience ? await countAudience(tx, token.shopId, audience.definition, { marketableOnly: true }) : 0;
    const [updated] = await tx
      .update(schema.campaigns)
      .set({ status, scheduledAt, launchedAt: sql`now()`, recipientsCount: recipients, updatedAt: sql`now()` })
      .where(eq(schema.campaigns.id, row.id))
      .returning();
    const data = serializeCampaign(updated!);
    await recordEvent(tx, token, 'campaign.launched', data);
    return { status: 200, body: { data } };
  },
});

export const cancelCampaign = defineEndpoint<{ id: string }, Record<string, never>, unknown>({
  operationId: 'cancelCampaign',
  method: 'post',
  path: '/campaigns/:id/cancel',
  summary: 'Cancel a campaign that has not been sent',
  scope: 'campaigns:write',
  stability: 'beta',
  resource: campaignSpec,
  params: z.object({ id: z.string() }),
  query: z.strictObject({}),
  handler: async ({ tx, params }) => {
    const row = await lockCampaign(tx, params.id);
    const status = transitionOr409(row, 'cancel', null);
    const [updated] = await tx
      .update(schema.campaigns)
      .set({ status, cancelledAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(schema.campaigns.id, row.id))
      .returning();
    return { status: 200, body: { data: serializeCampaign(updated!) } };
  },
});

export const getCampaign = defineEndpoint<{ id: string }, Record<string, never>>({
  operationId: 'getCampaign',
  method: 'get',
  path: '/campaigns/:id',
  summary: 'Get a campaign',
  scope: 'campaigns:read',
  stability: 'stable',
  resource: campaignSpec,
  params: z.object({ id: z.string() }),
  query: z.strictObject({}),
  handler: async ({ tx, params }) => {
    const [row] = await tx.select().from(schema.campaigns).where(eq(schema.campaigns.id, params.id)).limit(1);
    if (!row) throw notFound('campaign');
    return { status: 200, body: { data: serializeCampaign(row) } };
  },
});
