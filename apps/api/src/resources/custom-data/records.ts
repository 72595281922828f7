import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Tx } from '@sumeru/db';
import { newId, recordSchemaFor } from '@sumeru/domain';
import { notFound, validationError } from '@sumeru/errors';
import { zodToValidationError } from '../../listing/attributes';
import { decodeCursor, encodeCursor } from '../../listing/cursor';
import { listBody } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { BULK_MAX_ITEMS, type Rejected } from '../crud/bulk-upsert';

const r = schema.customDataRecords;
const sqlExcluded = (column: string) => sql.raw(`excluded."${column}"`);

const findDefinition = async (tx: Tx, id: string) => {
  const [row] = await tx.select().from(schema.customDataDefinitions).where(eq(schema.customDataDefinitions.id, id)).limit(1);
  if (!row) throw notFound('custom data definition');
  return row;
};

const present = (row: typeof r.$inferSelect) => ({
  id: row.id, type: 'custom_data_record',
  attributes: { definition_id: row.definitionId, external_id: row.externalId, customer_external_id: row.customerExternalId, data: row.data, created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString() },
});

export const listRecords = defineEndpoint<{ id: string }, { limit?: string; cursor?: string }>({
  operationId: 'listCustomDataRecords', method: 'get', path: '/custom-data-definitions/:id/records', summary: "List a definition's records",
  scope: 'customers:read', stability: 'beta', params: z.object({ id: z.string() }),
  query: z.strictObject({ limit: z.string().regex(/^\d{1,3}$/).optional(), cursor: z.string().optional() }),
  handler: async ({ tx, params, query, token, deps }) => {
    const definition = await findDefinition(tx, params.id);
    const limit = Number(query.limit ?? 50);
    if (limit < 1 || limit > 100) throw validationError('limit', 'limit must be an integer from 1 to 100');
    const scope = `${token.shopId}|custom_data_records|${definition.id}`;
    const after = query.cursor ? String(decodeCursor(deps.secret, scope, query.cursor, 1)[0]) : null;
    const rows = await tx.select().from(r).where(and(eq(r.shopId, token.shopId), eq(r.definitionId, definition.id), after ? gt(r.id, after) : undefined)).orderBy(asc(r.id)).limit(limit + 1);
    const page = rows.slice(0, limit);
    const next = rows.length > limit ? encodeCursor(deps.secret, scope, [page.at(-1)!.id]) : null;
    return { status: 200, body: listBody(page.map(present), next) };
  },
});

/** Records are validated against their definition's fields, item by item. */
export const bulkUpsertRecords = defineEndpoint<{ id: string }, Record<string, never>, unknown>({
  operationId: 'bulkUpsertCustomDataRecords', method: 'post', path: '/custom-data-definitions/:id/records/bulk', summary: 'Create or update up to 1,000 records by external_id',
  scope: 'customers:write', stability: 'beta', params: z.object({ id: z.string() }), query: z.strictObject({}), body: z.unknown(),
  handler: async ({ tx, params, body, token }) => {
    const envelope = z.strictObject({ data: z.array(z.unknown()).min(1).max(BULK_MAX_ITEMS) }).safeParse(body);
    if (!envelope.success) throw validationError('data', `data must be an array of 1 to ${BULK_MAX_ITEMS} records`);
    const definition = await findDefinition(tx, params.id);
    const item = z.strictObject({ external_id: z.string().trim().min(1).max(255), customer_external_id: z.string().max(255).nullable().optional(), data: recordSchemaFor(definition.fields) });
    const rejected: Rejected[] = [];
    const rows = new Map<string, typeof r.$inferInsert>();
    envelope.data.data.forEach((raw, index) => {
      const parsed = item.safeParse(raw);
      if (!parsed.success) return void rejected.push({ index, item: raw, errors: zodToValidationError(parsed.error).details.errors as Rejected['errors'] });
      rows.set(parsed.data.external_id, {
        id: newId('customDataRecord'), agencyId: token.agencyId, shopId: token.shopId, definitionId: definition.id,
        externalId: parsed.data.external_id, customerExternalId: parsed.data.customer_external_id ?? null, data: parsed.data.data,
      });
    });
    const upserted = rows.size === 0 ? [] : await tx.insert(r).values([...rows.values()])
      .onConflictDoUpdate({ target: [r.shopId, r.definitionId, r.externalId], set: { data: sqlExcluded('data'), customerExternalId: sqlExcluded('customer_external_id'), updatedAt: new Date() } })
      .returning({ id: r.id, externalId: r.externalId });
    return { status: 200, body: { data: { sent_count: rows.size, rejected_count: rejected.length, rejected_items: rejected, items: upserted.map((u) => ({ id: u.id, external_id: u.externalId })) } } };
  },
});

export const deleteRecord = defineEndpoint<{ id: string; record_id: string }, Record<string, never>>({
  operationId: 'deleteCustomDataRecord', method: 'delete', path: '/custom-data-definitions/:id/records/:record_id', summary: 'Delete a record (idempotent)',
  scope: 'customers:write', stability: 'beta', params: z.object({ id: z.string(), record_id: z.string() }), query: z.strictObject({}),
  handler: async ({ tx, params, token }) => {
    await tx.delete(r).where(and(eq(r.shopId, token.shopId), eq(r.definitionId, params.id), eq(r.id, params.record_id)));
    return { status: 204 };
  },
});
