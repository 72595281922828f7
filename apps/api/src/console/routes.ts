import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { Router, type RequestHandler } from 'express';
import type { ApiDeps } from '../deps';
import { requireSameOrigin } from './csrf';
import { consoleRouter } from './router';
import { createContextFactory } from './trpc';

/** The console's backend at /trpc: same-origin check on mutations, then tRPC. */
export const consoleApiRoutes = (deps: ApiDeps): Router => {
  const router = Router();
  router.use('/trpc', (_req, res, next) => {
    // Console answers hold tenant data: never cached by a browser or proxy.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use('/trpc', requireSameOrigin, createExpressMiddleware({ router: consoleRouter, createContext: createContextFactory(deps) }));
  return router;
};

export const CONSOLE_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../console/dist');

// Paths the API owns: the console's SPA fallback must never answer them.
const API_PREFIXES = ['/api', '/v1', '/trpc', '/openapi', '/developers', '/webhooks', '/healthz', '/readyz', '/metrics', '/pixel.js', '/widgets.js'];
const isApiPath = (p: string) => API_PREFIXES.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));

/**
 * The built console (apps/console/dist) on the API's origin, when it has been built: hashed
 * assets cached for a year, index.html never, and index.html for any other GET that asks for
 * HTML (client-side routes). Production serves it; so does `pnpm start` in development once the
 * console is built (while working on the console, Vite serves it and proxies here instead).
 * Test runs leave it out, so unknown paths keep answering the 404 envelope.
 */
export const consoleStaticRoutes = (deps: ApiDeps, dist: string = CONSOLE_DIST): RequestHandler[] => {
  const index = path.join(dist, 'index.html');
  const skip: RequestHandler = (_req, _res, next) => next();
  if (deps.config.NODE_ENV === 'test' || !existsSync(index)) return [skip];
  const assets = express.static(dist, {
    index: false,
    fallthrough: true,
    setHeaders: (res, file) => {
      res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const spa: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(index);
  };
  const guarded: RequestHandler = (req, res, next) => (isApiPath(req.path) ? next() : assets(req, res, next));
  return [guarded, spa];
};
