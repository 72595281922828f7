import express, { type Express } from 'express';
import { apiDocsRoutes } from './api-docs/routes';
import type { ApiDeps } from './deps';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { healthRoutes } from './http/health';
import { requestIdAndLogging } from './http/request-id';
import { storefrontScriptRoutes } from './http/storefront-scripts';
import { mountEndpoints } from './pipeline/mount';
import type { AnyEndpoint } from './pipeline/endpoint';
import { adminEndpoints } from './routes';
import { consoleApiRoutes, consoleStaticRoutes } from './console/routes';
import { publicEndpoints, publicOperations } from './public/public-endpoints';
import { publicApi } from './public/public-router';
import { inboundWebhooks } from './inbound/inbound-router';

/** Assembles the HTTP app from its dependencies; no I/O happens here. */
export const createApp = (deps: ApiDeps, options: { extraEndpoints?: readonly AnyEndpoint[] } = {}): Express => {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.TRUST_PROXY);
  // Nested `filter[field][gte]=` needs the extended (qs) parser; arrays and depth stay bounded.
  app.set('query parser', 'extended');
  app.use(requestIdAndLogging(deps.logger));
  app.use(deps.metrics.observe);
  app.use(deps.metrics.routes);
  app.use(healthRoutes(deps));
  app.use(apiDocsRoutes(adminEndpoints, publicOperations));
  app.use(storefrontScriptRoutes());
  // Before the admin JSON parser: the storefront parses its own bodies with smaller limits.
  app.use('/api/public', publicApi(deps, publicEndpoints));
  // Before the JSON parser: provider signatures cover the raw bytes.
  app.use('/webhooks', inboundWebhooks(deps));
  app.use(express.json({ limit: deps.config.JSON_BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] }));
  const admin = mountEndpoints([...adminEndpoints, ...(options.extraEndpoints ?? [])], deps, '/api/v1');
  // The seeds' cookbook calls /v1/...; it is the same API.
  app.use(['/api/v1', '/v1'], admin);
  app.use(consoleApiRoutes(deps));
  app.use(consoleStaticRoutes(deps));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
};
