import { createRequire } from 'node:module';
import path from 'node:path';
import { Router } from 'express';
import { stringify } from 'yaml';
import type { AnyEndpoint } from '../pipeline/endpoint';
import { buildAdminDocument, buildPublicDocument } from './document';

const assets = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
// Only what the page loads: the package also ships an index.html whose initializer fetches a
// demo spec from petstore.swagger.io, which must not be reachable from this origin.
const ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];

// Only this origin: the reference never loads a script, style, font or image from elsewhere.
// Inline styles: Swagger UI's React components set style attributes.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const page = (title: string, initScript: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" type="image/png" href="/developers/assets/favicon-32x32.png">
<link rel="stylesheet" href="/developers/assets/swagger-ui.css"></head>
<body><div id="reference" role="main"></div>
<script src="/developers/assets/swagger-ui-bundle.js"></script>
<script src="${initScript}"></script></body></html>`;

// validatorUrl null: Swagger UI would otherwise send the spec to a public validator service.
const init = (specUrl: string) => `window.ui = SwaggerUIBundle({ url: '${specUrl}', dom_id: '#reference', deepLinking: true, validatorUrl: null, tryItOutEnabled: false });`;

/** /openapi/*.yaml|json generated once at start-up, and the rendered references under /developers. */
export const apiDocsRoutes = (adminEndpoints: readonly AnyEndpoint[], publicEndpoints: readonly AnyEndpoint[] = []): Router => {
  const docs = { 'v1-admin': buildAdminDocument(adminEndpoints), public: buildPublicDocument(publicEndpoints) } as const;
  // No YAML anchors: every reader (and every YAML parser's alias limit) gets plain objects.
  const yaml = { 'v1-admin': stringify(docs['v1-admin'], { aliasDuplicateObjects: false, lineWidth: 0 }), public: stringify(docs.public, { aliasDuplicateObjects: false, lineWidth: 0 }) };
  const json = { 'v1-admin': JSON.stringify(docs['v1-admin']), public: JSON.stringify(docs.public) };
  const router = Router();
  for (const name of ['v1-admin', 'public'] as const) {
    router.get(`/openapi/${name}.yaml`, (_req, res) => void res.type('application/yaml').send(yaml[name]));
    router.get(`/openapi/${name}.json`, (_req, res) => void res.type('application/json').send(json[name]));
  }
  router.use('/developers', (_req, res, next) => {
    res.set('Content-Security-Policy', CSP);
    next();
  });
  const references = [
    { slug: 'v1-admin', spec: '/openapi/v1-admin.yaml', title: 'Sumeru admin API reference' },
    { slug: 'public-api', spec: '/openapi/public.yaml', title: 'Sumeru storefront API reference' },
  ];
  for (const ref of references) {
    router.get(`/developers/api/${ref.slug}/`, (_req, res) => void res.type('html').send(page(ref.title, `/developers/api/${ref.slug}/init.js`)));
    router.get(`/developers/api/${ref.slug}/init.js`, (_req, res) => void res.type('application/javascript').send(init(ref.spec)));
  }
  for (const file of ASSETS) {
    router.get(`/developers/assets/${file}`, (_req, res, next) => res.sendFile(file, { root: assets, maxAge: '1h' }, (err) => err && next(err)));
  }
  return router;
};
