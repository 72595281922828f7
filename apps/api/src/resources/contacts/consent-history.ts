import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@sumeru/db';
import { notFound } from '@sumeru/errors';
import { defineEndpoint } from '../../pipeline/endpoint';

/** Every consent change of a contact, newest first (written by the database trigger). */
export const getConsentHistory = defineEndpoint<{ id: string }, Record<string, never>>({
  operationId: 'listContactConsentHistory',
  method: 'get',
  path: '/contacts/:id/consent-history',
  summary: "A contact's consent history",
  scope: 'contacts:read',
  stability: 'beta',
  params: z.object({ id: z.string() }),
  query: z.strictObject({}),
  handler: async ({ tx, params, token }) => {
    const [contact] = await tx.select({ id: schema.contacts.id }).from(schema.contacts).where(eq(schema.contacts.id, params.id)).limit(1);
    if (!contact) throw notFound('contact');
    const e = schema.contactConsentEvents;
    const rows = await tx.select().from(e).where(and(eq(e.shopId, token.shopId), eq(e.contactId, contact.id))).orderBy(desc(e.occurredAt), desc(e.id)).limit(1000);
    return {
      status: 200,
      body: { data: rows.map((r) => ({ id: r.id, type: 'consent_event', attributes: { channel: r.channel, status: r.status, source: r.source, occurred_at: r.occurredAt.toISOString() } })) },
    };
  },
});
