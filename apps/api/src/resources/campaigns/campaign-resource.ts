import { z } from 'zod';
import { schema } from '@sumeru/db';
import { CAMPAIGN_CHANNELS } from '@sumeru/domain';
import { createSerializer } from '../../listing/serialize';
import type { ResourceSpec } from '../../listing/resource-spec';

const c = schema.campaigns;

export const campaignSpec: ResourceSpec = {
  type: 'campaign',
  table: c,
  id: c.id,
  shop: c.shopId,
  defaultSort: '-created_at',
  attributes: {
    name: { column: c.name, kind: 'string', filter: true, sort: true, write: z.string().trim().min(1).max(200) },
    channel: { column: c.channel, kind: 'string', filter: true, write: z.enum(CAMPAIGN_CHANNELS) },
    audience_id: { column: c.audienceId, kind: 'string', filter: true, write: z.string({ error: 'audience_id required for campaign creation' }).min(1) },
    subject: { column: c.subject, kind: 'string', write: z.string().trim().min(1).max(300).nullable().optional() },
    body: { column: c.body, kind: 'string', write: z.string().min(1).max(100_000) },
    status: { column: c.status, kind: 'string', filter: true, sort: true },
    scheduled_at: { column: c.scheduledAt, kind: 'datetime', filter: 'range', sort: true },
    launched_at: { column: c.launchedAt, kind: 'datetime', filter: 'range', sort: true },
    sent_at: { column: c.sentAt, kind: 'datetime' },
    cancelled_at: { column: c.cancelledAt, kind: 'datetime' },
    recipients_count: { column: c.recipientsCount, kind: 'integer' },
    created_at: { column: c.createdAt, kind: 'datetime', filter: 'range', sort: true },
    updated_at: { column: c.updatedAt, kind: 'datetime', filter: 'range', sort: true },
  },
};

const serialize = createSerializer(campaignSpec);

export const serializeCampaign = (row: typeof c.$inferSelect, fields: string[] | null = null) =>
  serialize(row, {
    fields,
    relationships: { audience: { data: { type: 'segment', id: row.audienceId }, links: { related: `/api/v1/segments/${row.audienceId}` } } },
  });
