import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { closeDatabase, createDatabase, type Database } from './client';
import { runMigrations } from './migrate';

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

/**
 * A fresh, migrated database on the server of `adminUrl` (a superuser or CREATEDB URL).
 * Each test file gets its own, so files run in parallel without sharing rows.
 */
export const createTestDatabase = async (adminUrl: string): Promise<TestDatabase> => {
  const name = `sumeru_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const client = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await client.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end({ timeout: 5 });
      }
    },
  };
};

/**
 * Per-file database for vitest: a fresh migrated database before the file's tests, dropped
 * after. DATABASE_URL names the server (see test-global-setup.ts).
 */
export const adminUrlFromEnv = (): string => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run tests through `pnpm test` or with the db globalSetup');
  return url;
};

export type OpenTestDatabase = TestDatabase & { db: Database; close: () => Promise<void> };

/** A fresh database plus a pool on it; `close` ends the pool and drops the database. */
export const openTestDatabase = async (poolSize = 4, adminUrl = adminUrlFromEnv()): Promise<OpenTestDatabase> => {
  const database = await createTestDatabase(adminUrl);
  const db = createDatabase({ url: database.url, poolSize });
  return {
    ...database,
    db,
    close: async () => {
      await closeDatabase(db);
      await database.drop();
    },
  };
};
