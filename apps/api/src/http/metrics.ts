import type { Request, RequestHandler, Response } from 'express';
import { Router } from 'express';
import { sql } from 'drizzle-orm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { safeEqual } from '@sumeru/auth';
import type { Database } from '@sumeru/db';
import { AppError } from '@sumeru/errors';
import { state } from './request-context';

export type Metrics = {
  /** Counts and times every request by method, route template and status. */
  observe: RequestHandler;
  /** `GET /metrics` in the Prometheus text format. */
  routes: Router;
  /** For the in-process worker: one webhook delivery attempt's outcome. */
  recordDelivery: (result: string) => void;
};

/** The route template, never the raw path (ids would explode the label set). */
const routeOf = (req: Request, res: Response): string => {
  const labelled = state(res)?.route;
  if (labelled) return labelled;
  if (req.route?.path) return `${req.method} ${req.baseUrl}${String(req.route.path)}`;
  for (const prefix of ['/api/public', '/webhooks', '/trpc', '/openapi', '/developers']) if (req.originalUrl.startsWith(prefix)) return `${req.method} ${prefix}/*`;
  return 'unmatched';
};

/**
 * Prometheus metrics (prom-client): request counts and latency by route and status, the job
 * queue's depth by task and state, webhook delivery outcomes of an in-process worker, and the
 * process defaults. With `token` set, scraping needs `Authorization: Bearer <token>`.
 */
export const createMetrics = (db: Database, options: { token?: string } = {}): Metrics => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sumeru_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'sumeru_http_requests_total', help: 'HTTP requests by route template and status', labelNames, registers: [registry] });
  const duration = new Histogram({
    name: 'sumeru_http_request_duration_seconds', help: 'HTTP request latency by route template and status', labelNames, registers: [registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });
  const deliveries = new Counter({ name: 'sumeru_webhook_delivery_attempts_total', help: 'Webhook delivery attempts by outcome (in-process worker)', labelNames: ['result'], registers: [registry] });
  new Gauge({
    name: 'sumeru_job_queue_jobs', help: 'Jobs in the queue by task and state (ready, scheduled, running, failed)', labelNames: ['task', 'state'], registers: [registry],
    async collect() {
      // The queue's own schema holds no tenant data: read as the connecting user.
      const rows = await db.execute<{ task: string; state: string; n: number }>(sql`
        select task_identifier as task,
          case when locked_at is not null then 'running' when attempts >= max_attempts then 'failed' when run_at > now() then 'scheduled' else 'ready' end as state,
          count(*)::int as n
        from graphile_worker.jobs group by 1, 2`);
      this.reset();
      for (const r of rows) this.set({ task: r.task, state: r.state }, Number(r.n));
    },
  });

  const observe: RequestHandler = (req, res, next) => {
    const end = duration.startTimer();
    res.on('finish', () => {
      const labels = { method: req.method, route: routeOf(req, res), status: String(res.statusCode) };
      requests.inc(labels);
      end(labels);
    });
    next();
  };

  const routes = Router();
  routes.get('/metrics', async (req, res, next) => {
    try {
      if (options.token) {
        const sent = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
        if (!safeEqual(sent, options.token)) throw new AppError('unauthenticated', 'Metrics need the METRICS_TOKEN bearer token.');
      }
      res.type(registry.contentType).send(await registry.metrics());
    } catch (err) {
      next(err);
    }
  });
  return { observe, routes, recordDelivery: (result) => deliveries.inc({ result }) };
};
