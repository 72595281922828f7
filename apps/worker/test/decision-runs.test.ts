import { eq, sql } from 'drizzle-orm';
import { parseCrontab } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@sumeru/config';
import { schema, withShop } from '@sumeru/db';
import { openTestDatabase, type OpenTestDatabase } from '@sumeru/db/testing';
import { jobRunnerOptions, startJobRunner, type JobRunner } from '@sumeru/jobs';
import { createCustomers, createOrder, createTenant } from '@sumeru/testing';
import { fastDelivery, PLATFORM_SECRET, silentLogger } from './support/fixtures';
import { waitFor } from './support/receiver';

let database: OpenTestDatabase;
let runner: JobRunner;

beforeAll(async () => {
  database = await openTestDatabase(6);
  runner = await startJobRunner({ databaseUrl: database.url, db: database.db, secret: PLATFORM_SECRET, logger: silentLogger, concurrency: 2, recoverySeconds: 60, pollIntervalMs: 200, delivery: fastDelivery() });
});

afterAll(async () => {
  await runner?.stop();
  await database?.close();
});

const runsOf = (shopId: string) => withShop(database.db, shopId, (tx) => tx.select().from(schema.decisionRuns).where(eq(schema.decisionRuns.shopId, shopId)));

describe('scheduled decision runs', () => {
  it('the default schedule is a valid crontab line for the runner', () => {
    const options = jobRunnerOptions(loadConfig({}), { databaseUrl: 'postgres://x/y', db: database.db, secret: PLATFORM_SECRET, logger: silentLogger });
    expect(options.decisionRunsCron).toBe('0 3 * * *');
    expect(parseCrontab(`${options.decisionRunsCron} schedule_decision_runs`)).toHaveLength(1);
    expect(jobRunnerOptions(loadConfig({ DECISION_RUNS_CRON: 'off' }), { databaseUrl: 'postgres://x/y', db: database.db, secret: PLATFORM_SECRET, logger: silentLogger }).decisionRunsCron).toBeNull();
    expect(() => loadConfig({ DECISION_RUNS_CRON: 'every night' })).toThrow(/DECISION_RUNS_CRON/);
  });

  it('scores every active shop once a day, under its own tenant, and skips archived shops', async () => {
    const tenant = await createTenant(database.db, 3);
    const [a, b, archived] = tenant.shopIds.map((shopId) => ({ agencyId: tenant.agencyId, shopId }));
    await database.db.execute(sql`update shops set status = 'archived' where id = ${archived!.shopId}`);
    const [customer] = await createCustomers(database.db, a!, 2);
    await createOrder(database.db, a!, { customerId: customer!.id });

    // What the cron does at its hour: queue the sweep. Twice, as two replicas would.
    await database.db.execute(sql`select graphile_worker.add_job('schedule_decision_runs')`);
    await waitFor(async () => (await runsOf(a!.shopId)).length === 1 && (await runsOf(b!.shopId)).length === 1, 15_000, 'a run in each active shop');
    await database.db.execute(sql`select graphile_worker.add_job('schedule_decision_runs')`);
    await waitFor(async () => Number((await database.db.execute(sql`select count(*) as n from graphile_worker.jobs`))[0]!.n) === 0, 15_000, 'the queue to drain');

    const runs = await runsOf(a!.shopId);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: 'schedule', status: 'succeeded', customersScored: 2 });
    expect(await runsOf(b!.shopId)).toHaveLength(1);
    expect(await runsOf(archived!.shopId)).toHaveLength(0);
  });
});
