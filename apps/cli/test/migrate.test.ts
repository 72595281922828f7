import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase } from '@sumeru/db';
import { adminUrlFromEnv } from '@sumeru/db/testing';
import { runCli } from './run-cli';

// An empty database, not createTestDatabase's migrated one: migrate has to do the work itself.
const name = `sumeru_cli_${randomBytes(6).toString('hex')}`;
const adminUrl = adminUrlFromEnv();
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

const runAsAdmin = async (statement: string) => {
  const admin = createDatabase({ url: adminUrl, poolSize: 1 });
  try {
    await admin.$client.unsafe(statement);
  } finally {
    await closeDatabase(admin);
  }
};

beforeAll(() => runAsAdmin(`create database "${name}"`));
afterAll(() => runAsAdmin(`drop database if exists "${name}" with (force)`));

describe('sumeru migrate', () => {
  it('applies every migration to an empty database, and again without harm', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const run = await runCli(['migrate'], databaseUrl);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(name);
    }
    const db = createDatabase({ url: databaseUrl, poolSize: 1 });
    try {
      const tables = await db.$client`select tablename from pg_tables where schemaname = 'public'`;
      expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(['agencies', 'shops', 'customers', 'orders', 'api_tokens']));
      const [applied] = await db.$client`select count(*)::int as n, count(distinct hash)::int as distinct_n from drizzle.__drizzle_migrations`;
      expect(applied!.n).toBeGreaterThan(0);
      expect(applied!.n).toBe(applied!.distinct_n);
    } finally {
      await closeDatabase(db);
    }
  });
});
