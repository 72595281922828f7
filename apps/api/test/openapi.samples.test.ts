import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomers, createTenant, createToken } from '@sumeru/testing';
import { buildAdminDocument } from '../src/api-docs/document';
import { exampleIdOf } from '../src/api-docs/examples';
import { adminEndpoints } from '../src/routes';
import { call, startTestApi, type TestApi } from './helpers/test-api';

/** The x-codeSamples run as published, pointed at the test server instead of production. */
const run = promisify(execFile);
const doc = buildAdminDocument(adminEndpoints) as any;
const PRODUCTION = 'https://api.sumeru.systems/api/v1';
const EXAMPLE_CUSTOMER = exampleIdOf('customer');

let api: TestApi;
let token: string;
let customerId: string;

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 1);
  const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
  token = (await createToken(api.deps.db, shop)).token;
  customerId = (await createCustomers(api.deps.db, shop, 1))[0]!.id;
});

afterAll(async () => {
  await api.close();
});

const sampleOf = (path: string, method: string, lang: string): string =>
  doc.paths[path][method]['x-codeSamples'].find((s: any) => s.lang === lang).source.replaceAll(PRODUCTION, `${api.url}/api/v1`).replaceAll(EXAMPLE_CUSTOMER, customerId);

const env = () => ({ ...process.env, SUMERU_TOKEN: token });

describe('x-codeSamples', () => {
  it('the curl sample of GET /customers runs and returns a page', async () => {
    const { stdout } = await run('bash', ['-c', `${sampleOf('/customers', 'get', 'curl')} --silent`], { env: env() });
    expect(JSON.parse(stdout).data[0].id).toBe(customerId);
  });

  it('the curl sample of PATCH /customers/{id} runs (uuidgen stubbed where it is not installed)', async () => {
    const shim = 'command -v uuidgen >/dev/null || uuidgen() { node -p "crypto.randomUUID()"; }';
    const { stdout } = await run('bash', ['-c', `${shim}\n${sampleOf('/customers/{id}', 'patch', 'curl')} --silent --write-out '\\n%{http_code}'`], { env: env() });
    expect(stdout.trim().split('\n').at(-1)).toBe('200');
  });

  it('the Node sample of PATCH /customers/{id} runs with the built-in fetch and changes the customer', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', sampleOf('/customers/{id}', 'patch', 'javascript')], { env: env() });
    expect(stdout.startsWith('200 ')).toBe(true);
    const example = doc.paths['/customers/{id}'].patch.requestBody.content['application/json'].example.data.attributes;
    const [name, value] = Object.entries(example)[0]!;
    expect((await call(api, `/api/v1/customers/${customerId}`, { token })).body.data.attributes[name]).toEqual(value);
  });

  it('every sample names a real path with example ids, never a {template}', () => {
    for (const ops of Object.values(doc.paths) as any[]) {
      for (const op of Object.values(ops) as any[]) {
        for (const sample of op['x-codeSamples']) expect(sample.source, op.operationId).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
