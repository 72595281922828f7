import { foreignKey, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Recommendation } from '@sumeru/domain';
import { tenantColumns, tenantPolicies } from './columns';
import { shops } from './shops';

export const DECISION_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export const DECISION_RUN_TRIGGERS = ['api', 'schedule'] as const;

/** One decision-intelligence run: RFM scoring of every customer, with its outcome. */
export const decisionRuns = pgTable(
  'decision_runs',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    kind: text('kind').notNull().default('rfm'),
    status: text('status', { enum: DECISION_RUN_STATUSES }).notNull(),
    trigger: text('trigger', { enum: DECISION_RUN_TRIGGERS }).notNull(),
    customersScored: integer('customers_scored').notNull().default(0),
    stageCounts: jsonb('stage_counts').$type<Record<string, number>>().notNull().default({}),
    stageChanges: integer('stage_changes').notNull().default(0),
    recommendations: jsonb('recommendations').$type<Recommendation[]>().notNull().default([]),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('decision_runs_shop_created_idx').on(t.shopId, t.createdAt, t.id),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('decision_runs'),
  ],
);
