import { eq, sql } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import { LIFECYCLE_STAGES, moneyToMinor, newId, recommendActions, scoreRfm } from '@sumeru/domain';

/**
 * One RFM run over every customer of the shop: scores, writes each changed lifecycle stage
 * in one statement, and records the outcome. Runs inside the caller's tenant transaction, so
 * the stages and the run row land together or not at all.
 */
export const executeRfmRun = async (tx: Tx, tenant: { agencyId: string; shopId: string }, trigger: 'api' | 'schedule') => {
  const startedAt = new Date();
  const c = schema.customers;
  const rows = await tx
    .select({ id: c.id, lastOrderAt: c.lastOrderAt, ordersCount: c.ordersCount, totalSpent: c.totalSpent, stage: c.lifecycleStage })
    .from(c)
    .where(eq(c.shopId, tenant.shopId));
  const inputs = rows.map((r) => ({ id: r.id, lastOrderAt: r.lastOrderAt, ordersCount: r.ordersCount, totalSpentMinor: moneyToMinor(r.totalSpent) }));
  const scores = scoreRfm(inputs, startedAt);
  const previous = new Map(rows.map((r) => [r.id, r.stage]));
  const changed = scores.filter((s) => previous.get(s.id) !== s.stage);
  if (changed.length > 0) {
    await tx.execute(sql`
      update customers set lifecycle_stage = v.stage, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(changed.map((s) => ({ id: s.id, stage: s.stage })))}::jsonb) as v(id text, stage text)
      where customers.id = v.id and customers.shop_id = ${tenant.shopId}`);
  }
  const stageCounts = Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, scores.filter((s) => s.stage === stage).length]));
  const [run] = await tx
    .insert(schema.decisionRuns)
    .values({
      id: newId('run'), ...tenant, status: 'succeeded', trigger, customersScored: scores.length, stageCounts,
      stageChanges: changed.length, recommendations: recommendActions(scores, inputs), startedAt, finishedAt: new Date(),
    })
    .returning();
  return run!;
};
