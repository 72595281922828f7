import { sql } from 'drizzle-orm';
import { withShop, type Database } from '@sumeru/db';
import { encodeCursor } from '../src/listing/cursor';
import { BENCH_SECRET } from './servers';

/**
 * The cursor a client would hold after paging to row `position` in the default order
 * (-created_at, id desc, no filters), built with the same scope parseListQuery signs.
 */
export const deepCursor = async (db: Database, shopId: string, position: number) => {
  const rows = await withShop(db, shopId, (tx) =>
    tx.execute<{ created_at: string; id: string }>(sql`
      select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at, id
      from customers order by created_at desc, id desc offset ${position - 1} limit 2`),
  );
  const [at, next] = rows;
  if (!at || !next) throw new Error(`fewer than ${position + 1} customers`);
  const scope = [shopId, 'customer', '-created_at,-id', JSON.stringify([])].join('|');
  return { cursor: encodeCursor(BENCH_SECRET, scope, [at.created_at, at.id]), nextId: next.id };
};
