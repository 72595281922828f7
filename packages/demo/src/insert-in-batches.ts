import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '@sumeru/db';

// 500 rows of the widest demo table stay far below PostgreSQL's 65,535 bind parameters,
// and a few dozen statements per shop keep a full demo within seconds.
const BATCH_SIZE = 500;

export const insertInBatches = async <T extends PgTable>(tx: Tx, table: T, rows: readonly PgInsertValue<T>[]): Promise<void> => {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await tx.insert(table).values(rows.slice(start, start + BATCH_SIZE));
  }
};
