import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Tx } from '@sumeru/db';
import { notFound, validationError } from '@sumeru/errors';
import { encodeCursor, decodeCursor } from '../../listing/cursor';
import { createSerializer } from '../../listing/serialize';
import { listBody } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { BULK_MAX_ITEMS, type Rejected } from '../crud/bulk-upsert';
import { contactSpec } from './contact-resources';

const serializeContact = createSerializer(contactSpec);
const m = schema.contactListMembers;

const findList = async (tx: Tx, id: string) => {
  const [row] = await tx.select().from(schema.contactLists).where(eq(schema.contactLists.id, id)).limit(1);
  if (!row) throw notFound('list');
  return row;
};

/** The list's contacts, by contact id (keyset on the id: stable while members are added). */
export const listMembers = defineEndpoint<{ id: string }, { limit?: string; cursor?: string }>({
  operationId: 'listListMembers', method: 'get', path: '/lists/:id/members', summary: "List a list's members",
  scope: 'contacts:read', stability: 'beta', params: z.object({ id: z.string() }),
  query: z.strictObject({ limit: z.string().regex(/^\d{1,3}$/).optional(), cursor: z.string().optional() }),
  handler: async ({ tx, params, query, token, deps }) => {
    const list = await findList(tx, params.id);
    const limit = Number(query.limit ?? 50);
    if (limit < 1 || limit > 100) throw validationError('limit', 'limit must be an integer from 1 to 100');
    const scope = `${token.shopId}|list_members|${list.id}`;
    const after = query.cursor ? String(decodeCursor(deps.secret, scope, query.cursor, 1)[0]) : null;
    const rows = await tx.select({ contact: schema.contacts }).from(m).innerJoin(schema.contacts, eq(schema.contacts.id, m.contactId))
      .where(and(eq(m.shopId, token.shopId), eq(m.listId, list.id), after ? gt(m.contactId, after) : undefined)).orderBy(asc(m.contactId)).limit(limit + 1);
    const page = rows.slice(0, limit);
    const next = rows.length > limit ? encodeCursor(deps.secret, scope, [page.at(-1)!.contact.id]) : null;
    return { status: 200, body: listBody(page.map((r) => serializeContact(r.contact)), next) };
  },
});

/** Adds contacts (by id or external_id) to a list; unknown contacts are rejected one by one. */
export const addMembers = defineEndpoint<{ id: string }, Record<string, never>, unknown>({
  operationId: 'addListMembers', method: 'post', path: '/lists/:id/members', summary: 'Add contacts to a list',
  scope: 'contacts:write', stability: 'beta', params: z.object({ id: z.string() }), query: z.strictObject({}), body: z.unknown(),
  handler: async ({ tx, params, body, token }) => {
    const parsed = z.strictObject({ data: z.array(z.union([z.strictObject({ contact_id: z.string() }), z.strictObject({ contact_external_id: z.string() })])).min(1).max(BULK_MAX_ITEMS) }).safeParse(body);
    if (!parsed.success) throw validationError('data', `data must be 1 to ${BULK_MAX_ITEMS} items of {contact_id} or {contact_external_id}`);
    const list = await findList(tx, params.id);
    const items = parsed.data.data;
    const ids = items.flatMap((i) => ('contact_id' in i ? [i.contact_id] : []));
    const externals = items.flatMap((i) => ('contact_external_id' in i ? [i.contact_external_id] : []));
    const c = schema.contacts;
    const externalRows = externals.length ? await tx.select({ id: c.id, externalId: c.externalId }).from(c).where(and(eq(c.shopId, token.shopId), inArray(c.externalId, externals))) : [];
    const byExternal = new Map(externalRows.map((f) => [f.externalId, f.id]));
    const idRows = ids.length ? await tx.select({ id: c.id }).from(c).where(and(eq(c.shopId, token.shopId), inArray(c.id, ids))) : [];
    const byId = new Set(idRows.map((r) => r.id));
    const rejected: Rejected[] = [];
    const contactIds: string[] = [];
    items.forEach((item, index) => {
      const id = 'contact_id' in item ? (byId.has(item.contact_id) ? item.contact_id : null) : (byExternal.get(item.contact_external_id) ?? null);
      if (id) contactIds.push(id);
      else rejected.push({ index, item, errors: [{ field: 'contact_id' in item ? 'contact_id' : 'contact_external_id', message: 'no such contact in this shop' }] });
    });
    if (contactIds.length > 0) {
      await tx.insert(m).values([...new Set(contactIds)].map((contactId) => ({ agencyId: token.agencyId, shopId: token.shopId, listId: list.id, contactId }))).onConflictDoNothing();
    }
    return { status: 200, body: { data: { sent_count: contactIds.length, rejected_count: rejected.length, rejected_items: rejected } } };
  },
});

export const removeMember = defineEndpoint<{ id: string; contact_id: string }, Record<string, never>>({
  operationId: 'removeListMember', method: 'delete', path: '/lists/:id/members/:contact_id', summary: 'Remove a contact from a list (idempotent)',
  scope: 'contacts:write', stability: 'beta', params: z.object({ id: z.string(), contact_id: z.string() }), query: z.strictObject({}),
  handler: async ({ tx, params, token }) => {
    await tx.delete(m).where(and(eq(m.shopId, token.shopId), eq(m.listId, params.id), eq(m.contactId, params.contact_id)));
    return { status: 204 };
  },
});
