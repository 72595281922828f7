import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';
import { stringify } from 'yaml';
import type { AnyEndpoint } from '../pipeline/endpoint';
import { buildAdminDocument, buildPublicDocument } from './document';

const assets = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

// Only this origin: the reference never loads a script, style, font or image from elsewhere.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const page = (title: string, initScript: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="/developers/assets/swagger-ui.css"></head>
<body><div id="reference" role="main"></div>
<script src="/developers/assets/swagger-ui-bundle.js"></script>
<script src="${initScript}"></script></body></html>`;

// validatorUrl null: Swagger UI would otherwise call a public validator service.
const init = (specUrl: string) => `window.ui = SwaggerUIBundle({ url: '${specUrl}', dom_id: '#reference', deepLinking: true, validatorUrl: null, tryItOutEnabled: false });`;

/** /openapi/*.yaml|json generated once at start-up, and the rendered references under /developers. */
export const apiDocsRoutes = (endpoints: readonly AnyEndpoint[]): Router => {
  const docs = { 'v1-admin': buildAdminDocument(endpoints), public: buildPublicDocument() } as const;
  // No YAML anchors: every reader (and every YAML parser's alias limit) gets plain objects.
  const yaml = { 'v1-admin': stringify(docs['v1-admin'], { aliasDuplicateObjects: false }), public: stringify(docs.public, { aliasDuplicateObjects: false }) };
  const router = Router();
  for (const name of ['v1-admin', 'public'] as const) {
    router.get(`/openapi/${name}.yaml`, (_req, res) => void res.type('application/yaml').send(yaml[name]));
    router.get(`/openapi/${name}.json`, (_req, res) => void res.json(docs[name]));
  }
  const references = [
    { slug: 'v1-admin', spec: '/openapi/v1-admin.yaml', title: 'Sumeru admin API reference' },
    { slug: 'public-api', spec: '/openapi/public.yaml', title: 'Sumeru storefront API reference' },
  ];
  for (const ref of references) {
    router.get(`/developers/api/${ref.slug}/`, (_req, res) => void res.set('Content-Security-Policy', CSP).type('html').send(page(ref.title, `/developers/api/${ref.slug}/init.js`)));
    router.get(`/developers/api/${ref.slug}/init.js`, (_req, res) => void res.type('application/javascript').send(init(ref.spec)));
  }
  router.use('/developers/assets', express.static(assets, { index: false, maxAge: '1h' }));
  return router;
};
