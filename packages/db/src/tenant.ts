import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { APP_ROLE_NAME } from './schema/columns';

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * What a transaction may see. Each field becomes a transaction-local setting that the RLS
 * policies read; an empty context sees nothing.
 */
export type TenantContext = {
  shopId?: string;
  agencyId?: string;
  /** Authentication: lets exactly the token with this hash be read. */
  tokenHash?: string;
  /** Storefront authentication: lets exactly this publishable key be read. */
  publishableKey?: string;
  /** Sign-in: lets the operator with this (lower-cased) email be read. */
  operatorEmail?: string;
};

/**
 * Runs `fn` in a transaction as the application role with the tenant set. Everything is
 * transaction-local (`set_config(..., true)`, `SET LOCAL ROLE` via set_config('role')), so a
 * pooled connection — or PgBouncer in transaction mode — carries nothing to the next user.
 */
export const withTenant = async <T>(db: Database, context: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  db.transaction(async (tx) => {
    // Sent without waiting for its answer (postgres.js pipelines on the transaction's
    // connection): statements run in order, so the tenant is set before fn's first query, and
    // if this fails the transaction is aborted and every later statement fails with it.
    const setup = tx
      .execute(sql`select
        set_config('role', ${APP_ROLE_NAME}, true),
        set_config('app.shop_id', ${context.shopId ?? ''}, true),
        set_config('app.agency_id', ${context.agencyId ?? ''}, true),
        set_config('app.token_hash', ${context.tokenHash ?? ''}, true),
        set_config('app.publishable_key', ${context.publishableKey ?? ''}, true),
        set_config('app.operator_email', ${context.operatorEmail?.toLowerCase() ?? ''}, true)`)
      .then(
        () => null,
        (err: unknown) => ({ err }),
      );
    let result: T;
    try {
      result = await fn(tx);
    } catch (err) {
      const failed = await setup;
      throw failed ? failed.err : err;
    }
    const failed = await setup;
    if (failed) throw failed.err;
    return result;
  });

export const withShop = <T>(db: Database, shopId: string, fn: (tx: Tx) => Promise<T>): Promise<T> => withTenant(db, { shopId }, fn);

export const withAgency = <T>(db: Database, agencyId: string, fn: (tx: Tx) => Promise<T>): Promise<T> => withTenant(db, { agencyId }, fn);
