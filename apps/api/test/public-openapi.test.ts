import { compileErrors, validate } from '@readme/openapi-parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildPublicDocument } from '../src/api-docs/document';
import { publicEndpoints, publicOperations } from '../src/public/public-endpoints';

// The storefront operations are declared with the admin endpoints' field names, so the same
// builder documents them; /openapi/public.yaml serves this document.
const doc = buildPublicDocument(publicOperations) as any;

describe('the storefront operations as an OpenAPI document', () => {
  it('is a valid 3.1 document, clean under Redocly’s recommended rules', async () => {
    const result = await validate(structuredClone(doc));
    if (!result.valid) throw new Error(compileErrors(result));
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 }), absoluteRef: '/public.yaml', config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`)).toEqual([]);
  });

  it('documents every operation with the key or Origin schemes, its stability and its response shape', () => {
    for (const e of publicEndpoints) {
      const path = e.path.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[e.method];
      expect(op, `${e.method} ${path}`).toBeDefined();
      expect(op.operationId).toBe(e.operationId);
      expect(op['x-stability']).toBe(e.stability);
      expect(op.security).toEqual([{ publishableKey: [] }, { publishableKeyQuery: [] }, { allowedOrigin: [] }]);
      const success = Object.keys(op.responses).find((s) => s.startsWith('2'))!;
      expect(op.responses[success].content['application/json'].schema, e.operationId).toBeDefined();
    }
    expect(Object.values(doc.paths).flatMap((p: any) => Object.keys(p))).toHaveLength(publicEndpoints.length);
  });
});
