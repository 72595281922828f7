import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { loadConfig } from '@sumeru/config';
import { adminUrlFromEnv, createTestDatabase, type TestDatabase } from '@sumeru/db/testing';
import { jobRunnerOptions, startJobRunner, type JobRunner } from '@sumeru/jobs';
import { createApp } from '../../src/app';
import { closeDeps, createDeps } from '../../src/bootstrap';
import type { ApiDeps } from '../../src/deps';
import { createLogger } from '../../src/logger';
import type { AnyEndpoint } from '../../src/pipeline/endpoint';
import { contractViolation } from './response-contract';

export type TestApi = {
  url: string;
  deps: ApiDeps;
  logs: Record<string, unknown>[];
  /** Stops the server and releases everything; pending usage is flushed first. */
  stop: () => Promise<void>;
  /** stop() and drop the database. */
  close: () => Promise<void>;
  database: TestDatabase;
  /** The real job runner (graphile-worker) on the same database, when started with `jobs: true`. */
  jobs?: JobRunner;
};

export const TEST_SECRET = 'test-secret-'.padEnd(48, 'x');

/**
 * The real app on a random port over a fresh, migrated database (RLS on, app role), with
 * JSON logs captured for assertions. `env` overrides configuration as the environment would.
 */
export const startTestApi = async (
  env: Record<string, string> = {},
  options: { database?: TestDatabase; extraEndpoints?: readonly AnyEndpoint[]; jobs?: boolean } = {},
): Promise<TestApi> => {
  const database = options.database ?? (await createTestDatabase(adminUrlFromEnv()));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', SUMERU_SECRET: TEST_SECRET, DATABASE_URL: database.url, USAGE_FLUSH_MS: '60000', ...env });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const deps = createDeps(config, { databaseUrl: database.url, secret: TEST_SECRET, logger: createLogger(config.LOG_LEVEL, sink) });
  const server = createApp(deps, options.extraEndpoints ? { extraEndpoints: options.extraEndpoints } : {}).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const jobs = options.jobs
    ? await startJobRunner({ ...jobRunnerOptions(config, { databaseUrl: database.url, db: deps.db, secret: TEST_SECRET, logger: deps.logger }), concurrency: 2, recoverySeconds: 60, pollIntervalMs: 500, decisionRunsCron: null })
    : undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await jobs?.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeDeps(deps);
  };
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    logs,
    database,
    ...(jobs ? { jobs } : {}),
    stop,
    close: async () => {
      await stop();
      await database.drop();
    },
  };
};

export type ApiResponse = { status: number; headers: Headers; body: any; text: string };

/** fetch with a bearer token and JSON in and out. */
export const call = async (
  api: { url: string },
  path: string,
  options: { token?: string; method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse> => {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${api.url}${path}`, { method: options.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const violation = response.headers.get('content-type')?.includes('json') || response.status === 204
    ? contractViolation(options.method ?? 'GET', path, response.status, json)
    : null;
  if (violation) throw new Error(`response does not match the OpenAPI document: ${violation}`);
  return { status: response.status, headers: response.headers, body: json, text };
};

/** Asserts the DESIGN.md envelope and returns its error object. */
export const expectEnvelope = (response: ApiResponse, status: number, code: string) => {
  const error = response.body?.error;
  if (response.status !== status || error?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${response.status} ${response.text.slice(0, 300)}`);
  }
  if (!/^req_/.test(error.request_id) || error.request_id !== response.headers.get('x-request-id')) {
    throw new Error(`envelope request_id ${error.request_id} does not match X-Request-Id ${response.headers.get('x-request-id')}`);
  }
  if (typeof error.message !== 'string' || typeof error.details !== 'object') throw new Error('envelope lacks message or details');
  return error as { code: string; message: string; details: Record<string, unknown>; request_id: string };
};
