import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Tx } from '@sumeru/db';
import { newId, type SegmentDefinition } from '@sumeru/domain';
import { notFound } from '@sumeru/errors';
import { parseWritableAttributes } from '../../listing/attributes';
import { listBody, parseListQuery, runList } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { countAudience } from './audience';
import { segmentSpec, serializeSegment } from './segment-resource';

type SegmentRow = typeof schema.segments.$inferSelect;

export const findSegment = async (tx: Tx, id: string): Promise<SegmentRow | null> =>
  (await tx.select().from(schema.segments).where(eq(schema.segments.id, id)).limit(1))[0] ?? null;

export const listSegments = defineEndpoint<Record<string, never>, Record<string, unknown>>({
  operationId: 'listSegments',
  method: 'get',
  path: '/segments',
  summary: 'List saved segments (campaign audiences)',
  scope: 'campaigns:read',
  stability: 'beta',
  query: 'raw',
  resource: segmentSpec,
  handler: async ({ tx, query, token, deps }) => {
    const plan = parseListQuery(segmentSpec, query, { includes: [], secret: deps.secret, shopId: token.shopId });
    const page = await runList<SegmentRow>(tx, segmentSpec, plan, deps.secret);
    return { status: 200, body: listBody(page.rows.map((r) => serializeSegment(r, plan)), page.nextCursor) };
  },
});

export const createSegment = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
  operationId: 'createSegment',
  method: 'post',
  path: '/segments',
  summary: 'Save a segment',
  scope: 'campaigns:write',
  stability: 'beta',
  query: z.strictObject({}),
  body: z.unknown(),
  resource: segmentSpec,
  handler: async ({ tx, token, body, res }) => {
    const attributes = parseWritableAttributes(segmentSpec, body, 'create');
    const [row] = await tx
      .insert(schema.segments)
      .values({
        id: newId('segment'),
        agencyId: token.agencyId,
        shopId: token.shopId,
        name: attributes.name as string,
        description: (attributes.description as string | null | undefined) ?? null,
        definition: attributes.definition as SegmentDefinition,
      })
      .returning();
    res.setHeader('Location', `/api/v1/segments/${row!.id}`);
    return { status: 201, body: { data: serializeSegment(row!) } };
  },
});

export const getSegment = defineEndpoint<{ id: string }, Record<string, never>>({
  operationId: 'getSegment',
  method: 'get',
  path: '/segments/:id',
  summary: 'Get a segment with the number of customers it selects now',
  scope: 'campaigns:read',
  stability: 'beta',
  params: z.object({ id: z.string() }),
  query: z.strictObject({}),
  resource: segmentSpec,
  handler: async ({ tx, params, token }) => {
    const row = await findSegment(tx, params.id);
    if (!row) throw notFound('segment');
    const [customers, marketable] = [await countAudience(tx, token.shopId, row.definition), await countAudience(tx, token.shopId, row.definition, { marketableOnly: true })];
    return { status: 200, body: { data: { ...serializeSegment(row), meta: { customers_count: customers, marketable_count: marketable } } } };
  },
});
