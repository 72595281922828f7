import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Scope } from '@sumeru/auth';
import type { IdKind } from '@sumeru/domain';
import { notFound } from '@sumeru/errors';
import { listBody, parseListQuery, parseSingleQuery, runList } from '../../listing/list-query';
import type { ResourceSpec } from '../../listing/resource-spec';
import { createSerializer } from '../../listing/serialize';
import { defineEndpoint, type AnyEndpoint, type Stability } from '../../pipeline/endpoint';
import { bulkUpsert } from './bulk-upsert';

export type CrudResource = {
  /** Path segment and plural name, e.g. `product-categories`. */
  path: string;
  /** Singular, for operation ids and messages, e.g. `ProductCategory` / `product category`. */
  name: { pascal: string; words: string };
  spec: ResourceSpec;
  idKind: IdKind;
  scopes: { read: Scope; write: Scope };
  stability: Stability;
};

/**
 * The four operations every ingestion resource has (the peer platform's conventions): list,
 * get, `POST /bulk` upsert by external_id with per-item rejection, and idempotent DELETE.
 * A resource is its ResourceSpec, its table and this one call.
 */
export const crudEndpoints = (r: CrudResource): AnyEndpoint[] => {
  const serialize = createSerializer(r.spec);
  const pluralPascal = `${r.name.pascal}s`.replace(/ys$/, 'ies');
  return [
    defineEndpoint<Record<string, never>, Record<string, unknown>>({
      operationId: `list${pluralPascal}`,
      method: 'get',
      path: `/${r.path}`,
      summary: `List ${r.name.words.replace(/y$/, 'ie')}s`,
      scope: r.scopes.read,
      stability: r.stability,
      resource: r.spec,
      query: 'raw',
      handler: async ({ tx, query, token, deps }) => {
        const plan = parseListQuery(r.spec, query, { includes: [], secret: deps.secret, shopId: token.shopId });
        const page = await runList<Record<string, unknown>>(tx, r.spec, plan, deps.secret);
        return { status: 200, body: listBody(page.rows.map((row) => serialize(row, plan)), page.nextCursor) };
      },
    }),
    defineEndpoint<{ id: string }, Record<string, unknown>>({
      operationId: `get${r.name.pascal}`,
      method: 'get',
      path: `/${r.path}/:id`,
      summary: `Get a ${r.name.words}`,
      scope: r.scopes.read,
      stability: r.stability,
      resource: r.spec,
      params: z.object({ id: z.string() }),
      query: 'raw',
      handler: async ({ tx, params, query, token }) => {
        const options = parseSingleQuery(r.spec, query, []);
        const [row] = await tx.select().from(r.spec.table).where(and(eq(r.spec.shop, token.shopId), eq(r.spec.id, params.id))).limit(1);
        if (!row) throw notFound(r.name.words);
        return { status: 200, body: { data: serialize(row as Record<string, unknown>, options) } };
      },
    }),
    defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
      operationId: `bulkUpsert${pluralPascal}`,
      method: 'post',
      path: `/${r.path}/bulk`,
      summary: `Create or update up to 1,000 ${r.name.words.replace(/y$/, 'ie')}s by external_id`,
      scope: r.scopes.write,
      stability: r.stability,
      resource: r.spec,
      query: z.strictObject({}),
      body: z.unknown(),
      handler: async ({ tx, token, body }) => ({ status: 200, body: { data: await bulkUpsert(tx, r.spec, r.idKind, { agencyId: token.agencyId, shopId: token.shopId }, body) } }),
    }),
    defineEndpoint<{ id: string }, Record<string, never>>({
      operationId: `delete${r.name.pascal}`,
      method: 'delete',
      path: `/${r.path}/:id`,
      summary: `Delete a ${r.name.words} (deleting an unknown id succeeds)`,
      scope: r.scopes.write,
      stability: r.stability,
      resource: r.spec,
      params: z.object({ id: z.string() }),
      query: z.strictObject({}),
      handler: async ({ tx, params, token }) => {
        await tx.delete(r.spec.table).where(and(eq(r.spec.shop, token.shopId), eq(r.spec.id, params.id)));
        return { status: 204 };
      },
    }),
  ];
};
