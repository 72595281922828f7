import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Database = PostgresJsDatabase<Schema> & { $client: postgres.Sql };

export type DatabaseOptions = {
  url: string;
  poolSize?: number;
  /** Prepared statements; turn off behind PgBouncer in transaction mode. */
  prepare?: boolean;
  onNotice?: (notice: postgres.Notice) => void;
};

export const createDatabase = (options: DatabaseOptions): Database => {
  const client = postgres(options.url, {
    max: options.poolSize ?? 10,
    prepare: options.prepare ?? true,
    onnotice: options.onNotice ?? (() => {}),
    connection: { application_name: 'sumeru' },
    // numeric stays a string (exact money); bigint counts come back as numbers.
    types: { bigint: postgres.BigInt },
  });
  return drizzle(client, { schema }) as Database;
};

export const closeDatabase = async (db: Database): Promise<void> => {
  await db.$client.end({ timeout: 5 });
};

/** True when the database answers; used by /readyz. */
export const pingDatabase = async (db: Database): Promise<boolean> => {
  try {
    await db.$client`select 1`;
    return true;
  } catch {
    return false;
  }
};
