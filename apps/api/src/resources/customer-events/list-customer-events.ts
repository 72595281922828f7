import { and, desc, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@sumeru/db';
import { validationError } from '@sumeru/errors';
import { decodeCursor, encodeCursor } from '../../listing/cursor';
import { defineEndpoint } from '../../pipeline/endpoint';
import { findCustomerOr404 } from '../customers/find-customer';

const ZCustomerEvent = z.object({
  id: z.string().describe('The event_id the pixel gave the event'),
  type: z.literal('customer_event'),
  attributes: z.object({
    name: z.string().describe('page_view, product_viewed, added_to_cart, removed_from_cart, checkout_started, identify, or a custom event name'),
    anonymous_id: z.string(),
    occurred_at: z.string(),
    received_at: z.string(),
    url: z.string().nullable(),
    referrer: z.string().nullable(),
    utm: z.record(z.string(), z.string()).nullable(),
    click_ids: z.record(z.string(), z.string()).nullable(),
    properties: z.record(z.string(), z.unknown()).nullable(),
  }),
});

const ZQuery = z.strictObject({
  limit: z.string().regex(/^\d{1,3}$/, 'limit must be an integer from 1 to 100').optional(),
  cursor: z.string().max(2048).optional(),
  filter: z.strictObject({ name: z.string().max(256).optional() }).optional(),
});

type Query = z.infer<typeof ZQuery>;

/**
 * The customer 360 timeline: every pixel event of every browser (anonymous id) stitched to the
 * customer, including those sent before the identify that linked them, and browsers identified
 * by the customer's email before the customer record existed. Newest first, keyset
 * on (occurred_at, event_id).
 */
export const listCustomerEvents = defineEndpoint<{ id: string }, Query>({
  operationId: 'listCustomerEvents',
  method: 'get',
  path: '/customers/:id/events',
  summary: 'List a customer’s storefront events (timeline)',
  description: 'Events from the first-party pixel for every anonymous id linked to the customer by identify, newest first. `filter[name]` takes one name or a comma-separated list.',
  scope: 'customers:read',
  stability: 'beta',
  params: z.object({ id: z.string() }),
  query: ZQuery,
  responseSchema: z.object({ data: z.array(ZCustomerEvent), pagination: z.object({ next_cursor: z.string().nullable(), has_next: z.boolean() }) }),
  handler: async ({ tx, params, query, token, deps }) => {
    const limit = query.limit === undefined ? 50 : Number(query.limit);
    if (limit < 1 || limit > 100) throw validationError('limit', 'limit must be an integer from 1 to 100', { value: query.limit });
    const customer = await findCustomerOr404(tx, params.id);
    const names = query.filter?.name ? query.filter.name.split(',').map((n) => n.trim()).filter(Boolean) : [];
    const scope = [token.shopId, 'customer_event', customer.id, names.join(',')].join('|');
    const after = query.cursor ? decodeCursor(deps.secret, scope, query.cursor, 2) : null;
    const e = schema.pixelEvents;
    const i = schema.identities;
    // Browsers linked to the customer, and those identified by the customer's email before the
    // customer existed (an identify by an unknown email keeps the email, without a customer).
    const linked = customer.email
      ? or(eq(i.customerId, customer.id), and(isNull(i.customerId), eq(i.email, customer.email.toLowerCase())))
      : eq(i.customerId, customer.id);
    const anonymousIds = tx.select({ id: i.anonymousId }).from(i).where(and(eq(i.shopId, token.shopId), linked));
    const conditions: (SQL | undefined)[] = [eq(e.shopId, token.shopId), inArray(e.anonymousId, anonymousIds), names.length > 0 ? inArray(e.name, names) : undefined];
    if (after) {
      const [at, id] = after as [string, string];
      if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) throw validationError('cursor', 'cursor is invalid, expired or belongs to another query');
      conditions.push(or(lt(e.occurredAt, new Date(at)), and(eq(e.occurredAt, new Date(at)), lt(e.eventId, id))));
    }
    const rows = await tx.select().from(e).where(and(...conditions)).orderBy(desc(e.occurredAt), desc(e.eventId)).limit(limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor(deps.secret, scope, [last.occurredAt.toISOString(), last.eventId]) : null;
    return {
      status: 200,
      body: {
        data: page.map((row) => ({
          id: row.eventId,
          type: 'customer_event',
          attributes: {
            name: row.name,
            anonymous_id: row.anonymousId,
            occurred_at: row.occurredAt.toISOString(),
            received_at: row.receivedAt.toISOString(),
            url: row.url,
            referrer: row.referrer,
            utm: row.utm,
            click_ids: row.clickIds,
            properties: row.properties,
          },
        })),
        pagination: { next_cursor: nextCursor, has_next: nextCursor !== null },
      },
    };
  },
});
