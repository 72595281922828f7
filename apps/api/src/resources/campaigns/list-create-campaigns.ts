import { z } from 'zod';
import { schema } from '@sumeru/db';
import { newId, type CampaignChannel } from '@sumeru/domain';
import { validationError } from '@sumeru/errors';
import { parseWritableAttributes } from '../../listing/attributes';
import { listBody, parseListQuery, runList } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { findSegment } from '../segments/segment-endpoints';
import { campaignSpec, serializeCampaign } from './campaign-resource';

type CampaignRow = typeof schema.campaigns.$inferSelect;

export const listCampaigns = defineEndpoint<Record<string, never>, Record<string, unknown>>({
  operationId: 'listCampaigns',
  method: 'get',
  path: '/campaigns',
  summary: 'List campaigns',
  scope: 'campaigns:read',
  stability: 'stable',
  query: 'raw',
  resource: campaignSpec,
  handler: async ({ tx, query, token, deps }) => {
    const plan = parseListQuery(campaignSpec, query, { includes: [], secret: deps.secret, shopId: token.shopId });
    const page = await runList<CampaignRow>(tx, campaignSpec, plan, deps.secret);
    const data = page.rows.map((row) => serializeCampaign(row, plan.fields));
    return { status: 200, body: listBody(data, page.nextCursor) };
  },
});

/** A draft campaign aimed at a saved segment of the same shop; launching is a separate step. */
export const createCampaign = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
  operationId: 'createCampaign',
  method: 'post',
  path: '/campaigns',
  summary: 'Create a campaign (draft)',
  scope: 'campaigns:write',
  stability: 'stable',
  query: z.strictObject({}),
  body: z.unknown(),
  resource: campaignSpec,
  handler: async ({ tx, token, body, res }) => {
    const a = parseWritableAttributes(campaignSpec, body, 'create');
    if (a.channel === 'email' && !a.subject) throw validationError('subject', 'subject is required for email campaigns');
    const audience = await findSegment(tx, a.audience_id as string);
    if (!audience) throw validationError('audience_id', 'audience_id must name a saved segment of this shop', { value: a.audience_id });
    const [row] = await tx
      .insert(schema.campaigns)
      .values({
        id: newId('campaign'),
        agencyId: token.agencyId,
        shopId: token.shopId,
        name: a.name as string,
        channel: a.channel as CampaignChannel,
        audienceId: audience.id,
        subject: (a.subject as string | null | undefined) ?? null,
        body: a.body as string,
      })
      .returning();
    res.setHeader('Location', `/api/v1/campaigns/${row!.id}`);
    return { status: 201, body: { data: serializeCampaign(row!) } };
  },
});
