import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import postgres from 'postgres';
import { loadConfig } from '@sumeru/config';
import { createApp } from '../src/app';
import { closeDeps, createDeps } from '../src/bootstrap';
import { createLogger } from '../src/logger';

export const BENCH_SECRET = 'bench-secret-'.padEnd(48, 'x');

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** The real app, with a tier limit high enough that the benchmark never meets it. */
export const startSumeru = async (databaseUrl: string) => {
  const config = loadConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', SUMERU_SECRET: BENCH_SECRET, DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '10',
    RATE_LIMIT_TIERS: '{"enterprise":{"limit":100000000}}',
  });
  const deps = createDeps(config, { databaseUrl, secret: BENCH_SECRET, logger: createLogger('silent') });
  const server = createApp(deps).listen(0, '127.0.0.1');
  const url = await listen(server);
  return { url, deps, stop: async () => { await new Promise((r) => server.close(r)); await closeDeps(deps); } };
};

/** The baseline: Express + postgres.js, the same query with the shop in the WHERE clause, no pipeline. */
export const startBare = async (databaseUrl: string, shopId: string) => {
  const sql = postgres(databaseUrl, { max: 10, onnotice: () => {} });
  const app = express();
  app.get('/customers', async (_req, res) => {
    const rows = await sql`select * from customers where shop_id = ${shopId} order by created_at desc, id desc limit 51`;
    res.json({ data: rows.slice(0, 50) });
  });
  const server = app.listen(0, '127.0.0.1');
  const url = await listen(server);
  return { url, stop: async () => { await new Promise((r) => server.close(r)); await sql.end({ timeout: 5 }); } };
};
