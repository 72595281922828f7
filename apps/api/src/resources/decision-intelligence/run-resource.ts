import { schema } from '@sumeru/db';
import { createSerializer } from '../../listing/serialize';
import type { ResourceSpec } from '../../listing/resource-spec';

const r = schema.decisionRuns;

export const runSpec: ResourceSpec = {
  type: 'decision_run',
  table: r,
  id: r.id,
  shop: r.shopId,
  defaultSort: '-created_at',
  attributes: {
    kind: { column: r.kind, kind: 'string', filter: true },
    status: { column: r.status, kind: 'string', filter: true, sort: true },
    trigger: { column: r.trigger, kind: 'string', filter: true },
    customers_scored: { column: r.customersScored, kind: 'integer' },
    stage_counts: { column: r.stageCounts, kind: 'json' },
    stage_changes: { column: r.stageChanges, kind: 'integer' },
    recommendations: { column: r.recommendations, kind: 'json' },
    started_at: { column: r.startedAt, kind: 'datetime', filter: 'range', sort: true },
    finished_at: { column: r.finishedAt, kind: 'datetime' },
    created_at: { column: r.createdAt, kind: 'datetime', filter: 'range', sort: true },
  },
};

export const serializeRun = createSerializer(runSpec);
