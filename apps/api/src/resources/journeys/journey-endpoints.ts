import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Tx } from '@sumeru/db';
import { newId, type JourneyStep, type JourneyTrigger } from '@sumeru/domain';
import { notFound, validationError } from '@sumeru/errors';
import { parseWritableAttributes } from '../../listing/attributes';
import { listBody, parseListQuery, runList } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { findSegment } from '../segments/segment-endpoints';
import { journeySpec, serializeJourney } from './journey-resource';

type JourneyRow = typeof schema.journeys.$inferSelect;

export const findJourneyOr404 = async (tx: Tx, id: string): Promise<JourneyRow> => {
  const [row] = await tx.select().from(schema.journeys).where(eq(schema.journeys.id, id)).limit(1);
  if (!row) throw notFound('journey');
  return row;
};

export const listJourneys = defineEndpoint<Record<string, never>, Record<string, unknown>>({
  operationId: 'listJourneys',
  method: 'get',
  path: '/journeys',
  summary: 'List journeys',
  scope: 'journeys:read',
  stability: 'stable',
  query: 'raw',
  resource: journeySpec,
  handler: async ({ tx, query, token, deps }) => {
    const plan = parseListQuery(journeySpec, query, { includes: [], secret: deps.secret, shopId: token.shopId });
    const page = await runList<JourneyRow>(tx, journeySpec, plan, deps.secret);
    return { status: 200, body: listBody(page.rows.map((r) => serializeJourney(r, plan)), page.nextCursor) };
  },
});

/** Trigger and steps are validated in full; a segment trigger must name a segment of this shop. */
export const createJourney = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
  operationId: 'createJourney',
  method: 'post',
  path: '/journeys',
  summary: 'Create a journey',
  scope: 'journeys:write',
  stability: 'stable',
  query: z.strictObject({}),
  body: z.unknown(),
  resource: journeySpec,
  handler: async ({ tx, token, body, res }) => {
    const a = parseWritableAttributes(journeySpec, body, 'create');
    const trigger = a.trigger as JourneyTrigger;
    if (trigger.type === 'segment_entry' && !(await findSegment(tx, trigger.segment_id))) {
      throw validationError('trigger.segment_id', 'trigger.segment_id must name a saved segment of this shop');
    }
    const [row] = await tx
      .insert(schema.journeys)
      .values({
        id: newId('journey'),
        agencyId: token.agencyId,
        shopId: token.shopId,
        name: a.name as string,
        status: (a.status as 'draft' | 'active' | undefined) ?? 'active',
        trigger,
        steps: a.steps as JourneyStep[],
      })
      .returning();
    res.setHeader('Location', `/api/v1/journeys/${row!.id}`);
    return { status: 201, body: { data: serializeJourney(row!) } };
  },
});

export const getJourney = defineEndpoint<{ id: string }, Record<string, never>>({
  operationId: 'getJourney',
  method: 'get',
  path: '/journeys/:id',
  summary: 'Get a journey',
  scope: 'journeys:read',
  stability: 'stable',
  params: z.object({ id: z.string() }),
  query: z.strictObject({}),
  resource: journeySpec,
  handler: async ({ tx, params }) => ({ status: 200, body: { data: serializeJourney(await findJourneyOr404(tx, params.id)) } }),
});
