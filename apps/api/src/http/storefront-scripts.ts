import { existsSync } from 'node:fs';
import { Router } from 'express';
import { AppError } from '@sumeru/errors';
import { pixelScriptPath } from '@sumeru/pixel/asset';
import { widgetsScriptPath } from '@sumeru/widgets/asset';

const SCRIPTS: Record<string, string> = { '/pixel.js': pixelScriptPath, '/widgets.js': widgetsScriptPath };

/**
 * `/pixel.js` and `/widgets.js`, the scripts storefronts embed from another origin: cached for
 * an hour (they are unversioned URLs), loadable cross-origin, never sniffed. They are built
 * files (`pnpm build`, which `pnpm start` runs first); a missing build is a 503, not a 404.
 */
export const storefrontScriptRoutes = (): Router => {
  const router = Router();
  for (const [route, file] of Object.entries(SCRIPTS)) {
    router.get(route, (_req, res, next) => {
      if (!existsSync(file)) return next(new AppError('service_unavailable', `${route.slice(1)} is not built: run pnpm build.`));
      res.set({
        'Cache-Control': 'public, max-age=3600',
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'Access-Control-Allow-Origin': '*',
        'X-Content-Type-Options': 'nosniff',
      });
      res.type('text/javascript; charset=utf-8').sendFile(file);
    });
  }
  return router;
};
