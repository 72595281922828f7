import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@sumeru/db';
import { notFound } from '@sumeru/errors';
import { listBody, parseListQuery, runList } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { executeRfmRun } from '@sumeru/jobs';
import { runSpec, serializeRun } from './run-resource';

type RunRow = typeof schema.decisionRuns.$inferSelect;

export const listRuns = defineEndpoint<Record<string, never>, Record<string, unknown>>({
  operationId: 'listDecisionRuns',
  method: 'get',
  path: '/decision-intelligence/runs',
  summary: 'List decision-intelligence runs',
  scope: 'analytics:read',
  stability: 'stable',
  query: 'raw',
  resource: runSpec,
  handler: async ({ tx, query, token, deps }) => {
    const plan = parseListQuery(runSpec, query, { includes: [], secret: deps.secret, shopId: token.shopId });
    const page = await runList<RunRow>(tx, runSpec, plan, deps.secret);
    return { status: 200, body: listBody(page.rows.map((r) => serializeRun(r, plan)), page.nextCursor) };
  },
});

export const getRun = defineEndpoint<{ run_id: string }, Record<string, never>>({
  operationId: 'getDecisionRun',
  method: 'get',
  path: '/decision-intelligence/runs/:run_id',
  summary: 'Get a decision-intelligence run with its recommendations',
  scope: 'analytics:read',
  stability: 'stable',
  params: z.object({ run_id: z.string() }),
  query: z.strictObject({}),
  resource: runSpec,
  handler: async ({ tx, params }) => {
    const [row] = await tx.select().from(schema.decisionRuns).where(eq(schema.decisionRuns.id, params.run_id)).limit(1);
    if (!row) throw notFound('run');
    return { status: 200, body: { data: serializeRun(row) } };
  },
});

/** Runs RFM scoring now: every customer's lifecycle stage is recomputed from their orders. */
export const startRun = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
  operationId: 'createDecisionRun',
  method: 'post',
  path: '/decision-intelligence/runs',
  summary: 'Run RFM scoring now',
  scope: 'analytics:write',
  stability: 'beta',
  query: z.strictObject({}),
  body: z.union([z.undefined(), z.strictObject({}), z.strictObject({ data: z.strictObject({ attributes: z.strictObject({ kind: z.literal('rfm').optional() }) }) }), z.strictObject({ kind: z.literal('rfm') })]),
  resource: runSpec,
  handler: async ({ tx, token, res }) => {
    const run = await executeRfmRun(tx, { agencyId: token.agencyId, shopId: token.shopId }, 'api');
    res.setHeader('Location', `/api/v1/decision-intelligence/runs/${run.id}`);
    return { status: 201, body: { data: serializeRun(run) } };
  },
});
