import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Database = PostgresJsDatabase<Schema> & { $client: postgres.Sql };

export type DatabaseOptions = {
  url: string;
  poolSize?: number;
  /** Prepared statements; turn off behind PgBouncer in transaction mode (before 1.21). */
  prepare?: boolean;
  onNotice?: (notice: postgres.Notice) => void;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the wrapper is agnostic of custom types
type AnySql = postgres.Sql<any>;

/**
 * drizzle sends its ad-hoc queries unprepared, so PostgreSQL parses and plans every one of
 * them again (with RLS, planning costs more than running a keyset page). This wrapper asks
 * postgres.js to prepare them (named statements, cached per connection by query text), also
 * inside transactions. Query texts are parameterised, so their number stays bounded.
 */
const preparing = <T extends AnySql>(sql: T): T =>
  new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, params?: unknown[], queryOptions?: { prepare?: boolean }) =>
          target.unsafe(query, params as never, { ...queryOptions, prepare: params !== undefined && params.length > 0 });
      }
      if (property === 'begin') {
        return (...args: unknown[]) => {
          const fn = args.at(-1) as (tx: AnySql) => unknown;
          return (target.begin as (...a: unknown[]) => unknown)(...args.slice(0, -1), (tx: AnySql) => fn(preparing(tx)));
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });

export const createDatabase = (options: DatabaseOptions): Database => {
  const raw = postgres(options.url, {
    max: options.poolSize ?? 10,
    prepare: options.prepare ?? true,
    onnotice: options.onNotice ?? (() => {}),
    connection: { application_name: 'sumeru' },
    // numeric stays a string (exact money); bigint counts come back as numbers.
    types: { bigint: postgres.BigInt },
  });
  const client = options.prepare === false ? raw : preparing(raw);
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
