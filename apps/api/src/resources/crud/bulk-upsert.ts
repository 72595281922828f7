import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordEvents, type Tx } from '@sumeru/db';
import { newId, type IdKind, type WebhookEventType } from '@sumeru/domain';
import { validationError } from '@sumeru/errors';
import { zodToValidationError } from '../../listing/attributes';
import { propertyNames, type ResourceSpec } from '../../listing/resource-spec';
import { toColumnValue } from './column-values';

export const BULK_MAX_ITEMS = 1000;

export type Rejected = { index: number; item: unknown; errors: { field: string; message: string }[] };

const ZBulkBody = z.strictObject({ data: z.array(z.unknown()).min(1, 'send at least one item').max(BULK_MAX_ITEMS, `at most ${BULK_MAX_ITEMS} items per request`) });

/** Each item's validation problems, or its attributes ready for the table. */
const validateItem = (spec: ResourceSpec, item: unknown, shape: z.ZodType): { ok: Record<string, unknown> } | { errors: Rejected['errors'] } => {
  const parsed = shape.safeParse(item);
  if (parsed.success) return { ok: parsed.data as Record<string, unknown> };
  const errors = (zodToValidationError(parsed.error).details.errors as Rejected['errors']) ?? [];
  const readOnly = Object.keys(typeof item === 'object' && item ? item : {}).filter((k) => k in spec.attributes && !spec.attributes[k]!.write);
  return { errors: errors.map((e) => (readOnly.includes(e.field) ? { ...e, message: `${e.field} is read-only` } : e)) };
};

const existingExternalIds = async (tx: Tx, spec: ResourceSpec, shopId: string, items: unknown[]): Promise<Set<string>> => {
  const ids = [...new Set(items.map((i) => (i as { external_id?: unknown } | null)?.external_id).filter((v): v is string => typeof v === 'string').map((v) => v.trim()))];
  if (ids.length === 0) return new Set();
  const column = spec.attributes.external_id!.column;
  const rows = await tx.select({ externalId: sql<string>`${column}` }).from(spec.table).where(and(eq(spec.shop, shopId), inArray(column, ids)));
  return new Set(rows.map((r) => String(r.externalId)));
};

/**
 * Upserts up to 1,000 items by `external_id` in one statement. Invalid items are rejected one
 * by one (index, item, errors) and the rest are kept; a duplicate external id within the batch
 * keeps the last occurrence and rejects the earlier ones.
 */
export type BulkOptions = {
  /** Fills columns a new row needs but the client need not send (e.g. a product's handle). */
  completeNewRow?: (row: Record<string, unknown>) => void;
  /** Outbox events for subscribers: one per item written, `created` or `updated`, with the resource as data. */
  events?: { created: WebhookEventType; updated: WebhookEventType; data: (row: Record<string, unknown>) => unknown };
};

export const bulkUpsert = async (tx: Tx, spec: ResourceSpec, idKind: IdKind, tenant: { agencyId: string; shopId: string }, body: unknown, options: BulkOptions = {}) => {
  const envelope = ZBulkBody.safeParse(body);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    throw validationError('data', `data must be an array of 1 to ${BULK_MAX_ITEMS} items: ${issue.message}`);
  }
  const writable = Object.entries(spec.attributes).filter(([, a]) => a.write && a.column !== spec.attributes.external_id?.column);
  const externalId = z.string().trim().min(1).max(255);
  // A new external id needs every required attribute; an existing one may send only changes.
  const createShape = z.strictObject({ external_id: externalId, ...Object.fromEntries(writable.map(([n, a]) => [n, a.write!])) });
  const updateShape = z.strictObject({ external_id: externalId, ...Object.fromEntries(writable.map(([n, a]) => [n, a.write!.optional()])) });
  const existing = await existingExternalIds(tx, spec, tenant.shopId, envelope.data.data);
  const properties = propertyNames(spec);
  const rejected: Rejected[] = [];
  const accepted = new Map<string, { index: number; row: Record<string, unknown> }>();
  envelope.data.data.forEach((item, index) => {
    const sentId = (item as { external_id?: unknown } | null)?.external_id;
    const result = validateItem(spec, item, typeof sentId === 'string' && existing.has(sentId.trim()) ? updateShape : createShape);
    if ('errors' in result) return void rejected.push({ index, item, errors: result.errors });
    const externalId = result.ok.external_id as string;
    const earlier = accepted.get(externalId);
    if (earlier) rejected.push({ index: earlier.index, item: envelope.data.data[earlier.index], errors: [{ field: 'external_id', message: 'a later item in this batch has the same external_id' }] });
    const row: Record<string, unknown> = { id: newId(idKind), ...tenant };
    for (const [name, value] of Object.entries(result.ok)) row[properties[name]!] = toColumnValue(spec.attributes[name]!.kind, value);
    accepted.set(externalId, { index, row });
  });
  const rows = [...accepted.values()].map((a) => a.row);
  const external = spec.attributes.external_id!.column;
  const columns = spec.table as never as Record<string, { name: string }>;
  const stamp = 'updatedAt' in columns ? { updatedAt: sql`now()` } : {};
  const upserted: Record<string, unknown>[] = [];
  const updatedIds = new Set<unknown>();
  // Known external ids: update only the attributes sent, so the rest keep their stored values.
  for (const row of rows.filter((r) => existing.has(String(r.externalId)))) {
    const { id: _id, agencyId: _a, shopId: _s, ...changes } = row;
    const written = (await tx.update(spec.table).set({ ...changes, ...stamp } as never).where(and(eq(spec.shop, tenant.shopId), eq(external, row.externalId))).returning()) as Record<string, unknown>[];
    for (const w of written) updatedIds.add(w.id);
    upserted.push(...written);
  }
  // New ones: one insert per set of attributes sent; ON CONFLICT covers a concurrent insert of the same id.
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows.filter((r) => !existing.has(String(r.externalId)))) {
    options.completeNewRow?.(row);
    const signature = Object.keys(row).sort().join(',');
    groups.set(signature, [...(groups.get(signature) ?? []), row]);
  }
  for (const group of groups.values()) {
    const set = Object.fromEntries(
      Object.keys(group[0]!).filter((k) => !['id', 'agencyId', 'shopId'].includes(k)).map((k) => [k, sql.raw(`excluded."${columns[k]!.name}"`)]),
    );
    upserted.push(...((await tx
      .insert(spec.table)
      .values(group as never)
      .onConflictDoUpdate({ target: [spec.shop, external] as never, set: { ...set, ...stamp } })
      .returning()) as Record<string, unknown>[]));
  }
  if (options.events) {
    const { created, updated, data } = options.events;
    await recordEvents(tx, tenant, upserted.map((r) => ({ type: updatedIds.has(r.id) ? updated : created, data: data(r) })));
  }
  return {
    sent_count: rows.length,
    rejected_count: rejected.length,
    rejected_items: rejected.sort((a, b) => a.index - b.index),
    items: upserted.map((r) => ({ id: r.id, external_id: r.externalId })),
  };
};
