import { Router } from 'express';
import { pingDatabase } from '@sumeru/db';
import { AppError } from '@sumeru/errors';
import type { ApiDeps } from '../deps';

/**
 * /healthz: the process is up. /readyz: the database answers (else 503) and the rate
 * limiter's backend is healthy (else 200 with status `degraded`: the API keeps serving on
 * the local fallback limiter while Redis is away).
 */
export const healthRoutes = (deps: ApiDeps): Router => {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const database = (await pingDatabase(deps.db)) ? 'ok' : 'unavailable';
    const limiter = deps.limiter.health();
    const checks = {
      database,
      rate_limiter: { backend: deps.limiter.backend, status: limiter.status, ...(limiter.detail ? { detail: limiter.detail } : {}) },
      redis: deps.limiter.backend === 'redis' ? limiter.status : 'not_configured',
    };
    if (database !== 'ok') throw new AppError('service_unavailable', 'The database is not reachable.', { details: { checks } });
    res.json({ status: limiter.status === 'ok' ? 'ok' : 'degraded', checks });
  });
  return router;
};
