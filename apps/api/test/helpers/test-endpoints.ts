import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@sumeru/db';
import { AppError } from '@sumeru/errors';
import { newId } from '@sumeru/domain';
import { defineEndpoint } from '../../src/pipeline/endpoint';

/**
 * Endpoints mounted only in tests, to drive the pipeline where the product has no endpoint
 * yet: a POST whose side effect can be counted, and handlers that fail in the ways a real one
 * might. They go through exactly the same middleware as the product's endpoints.
 */
export const failures = { remaining: 0 };

export const createThing = defineEndpoint<Record<string, never>, Record<string, never>, { email: string; delay_ms?: number; fail?: boolean }>({
  operationId: 'testCreateThing',
  method: 'post',
  path: '/test-things',
  summary: 'test only',
  scope: 'customers:write',
  stability: 'experimental',
  query: z.strictObject({}),
  body: z.strictObject({ email: z.email(), delay_ms: z.number().int().max(2000).optional(), fail: z.boolean().optional() }),
  handler: async ({ tx, token, body }) => {
    const id = newId('customer');
    await tx.insert(schema.customers).values({ id, agencyId: token.agencyId, shopId: token.shopId, email: body.email });
    if (body.delay_ms) await tx.execute(sql`select pg_sleep(${body.delay_ms / 1000})`);
    if (body.fail && failures.remaining > 0) {
      failures.remaining -= 1;
      throw new Error('downstream exploded');
    }
    return { status: 201, body: { data: { id, type: 'customer', attributes: { email: body.email } } } };
  },
});

export const brokenSql = defineEndpoint({
  operationId: 'testBrokenSql',
  method: 'get',
  path: '/test-broken-sql',
  summary: 'test only',
  scope: null,
  stability: 'experimental',
  handler: async ({ tx }) => {
    await tx.execute(sql`select password_hash from operators_secret_table where id = 'x'`);
    return { status: 200, body: {} };
  },
});

export const thrower = defineEndpoint({
  operationId: 'testThrower',
  method: 'get',
  path: '/test-throw',
  summary: 'test only',
  scope: null,
  stability: 'experimental',
  handler: async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'secret') at /srv/sumeru/apps/api/src/x.ts:12");
  },
});


/** Until campaigns land (their launch answers 409 `conflict`), this exercises the mapping end to end. */
export const conflicting = defineEndpoint({
  operationId: 'testConflict',
  method: 'post',
  path: '/test-conflict',
  summary: 'test only',
  scope: null,
  stability: 'experimental',
  handler: async () => {
    throw new AppError('conflict', 'The campaign was already sent.', { details: { state: 'sent', transition: 'launch' } });
  },
});

export const testEndpoints = [createThing, brokenSql, thrower, conflicting];
