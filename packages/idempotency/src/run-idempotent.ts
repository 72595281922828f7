import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import { AppError } from '@sumeru/errors';

export const IDEMPOTENCY_WINDOW_HOURS = 24;

export type IdempotentRequest = {
  agencyId: string;
  shopId: string;
  tokenId: string;
  key: string;
  requestHash: string;
  method: string;
  path: string;
};

export type StoredResponse = { status: number; body?: unknown };

/**
 * Runs `execute` at most once per (token, key) within 24 hours, inside the caller's tenant
 * transaction, so the stored response commits or rolls back together with the side effect.
 *
 * A transaction-scoped advisory lock on (token, key) serialises duplicates: a concurrent one
 * does not wait but gets 409 `in_progress`; a later one finds the committed response. Only
 * 2xx responses are stored: validation failures and errors roll back and may be retried.
 */
export const runIdempotent = async (
  tx: Tx,
  request: IdempotentRequest,
  execute: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> => {
  const locked = await tx.execute<{ locked: boolean }>(
    sql`select pg_try_advisory_xact_lock(hashtext(${request.tokenId}), hashtext(${request.key})) as locked`,
  );
  if (!locked[0]?.locked) {
    throw new AppError('idempotency_conflict', 'A request with this Idempotency-Key is still in progress; retry later.', {
      details: { reason: 'in_progress' },
      headers: { 'Retry-After': '1' },
    });
  }
  const t = schema.idempotencyKeys;
  const scope = and(eq(t.shopId, request.shopId), eq(t.tokenId, request.tokenId), eq(t.key, request.key));
  const windowStart = sql`now() - make_interval(hours => ${IDEMPOTENCY_WINDOW_HOURS})`;
  const [previous] = await tx.select().from(t).where(and(scope, gt(t.createdAt, windowStart)));
  if (previous) {
    if (previous.requestHash !== request.requestHash) {
      throw new AppError('idempotency_conflict', 'This Idempotency-Key was already used with a different request.', {
        details: { reason: 'different_request', original_method: previous.method, original_path: previous.path },
      });
    }
    return { status: previous.responseStatus, body: previous.responseBody, replayed: true };
  }
  await tx.delete(t).where(and(scope, lte(t.createdAt, windowStart)));
  const response = await execute();
  if (response.status >= 200 && response.status < 300) {
    await tx.insert(t).values({
      agencyId: request.agencyId,
      shopId: request.shopId,
      tokenId: request.tokenId,
      key: request.key,
      requestHash: request.requestHash,
      method: request.method,
      path: request.path,
      responseStatus: response.status,
      responseBody: response.body ?? null,
    });
  }
  return { ...response, replayed: false };
};
