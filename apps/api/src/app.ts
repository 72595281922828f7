import express, { type Express } from 'express';
import { apiDocsRoutes } from './api-docs/routes';
import type { ApiDeps } from './deps';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { healthRoutes } from './http/health';
import { requestIdAndLogging } from './http/request-id';
import { mountEndpoints } from './pipeline/mount';
import type { AnyEndpoint } from './pipeline/endpoint';
import { adminEndpoints } from './routes';

/** Assembles the HTTP app from its dependencies; no I/O happens here. */
export const createApp = (deps: ApiDeps, options: { extraEndpoints?: readonly AnyEndpoint[] } = {}): Express => {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.TRUST_PROXY);
  // Nested `filter[field][gte]=` needs the extended (qs) parser; arrays and depth stay bounded.
  app.set('query parser', 'extended');
  app.use(requestIdAndLogging(deps.logger));
  app.use(healthRoutes(deps));
  app.use(apiDocsRoutes(adminEndpoints));
  app.use(express.json({ limit: deps.config.JSON_BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] }));
  const admin = mountEndpoints([...adminEndpoints, ...(options.extraEndpoints ?? [])], deps, '/api/v1');
  // The seeds' cookbook calls /v1/...; it is the same API.
  app.use(['/api/v1', '/v1'], admin);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
};
