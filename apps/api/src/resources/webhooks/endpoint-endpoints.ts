import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { sealSecret } from '@sumeru/auth';
import { schema, type Tx } from '@sumeru/db';
import { newId, type WebhookEventType } from '@sumeru/domain';
import { notFound } from '@sumeru/errors';
import { generateWebhookSecret } from '@sumeru/webhooks';
import { parseWritableAttributes, unwrapAttributes, zodToValidationError } from '../../listing/attributes';
import { listBody, parseListQuery, runList } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { serializeWebhookEndpoint, webhookEndpointSpec } from './endpoint-resource';
import { assertDeliverableUrl } from './url-guard';

type Row = typeof schema.webhookEndpoints.$inferSelect;
const w = schema.webhookEndpoints;
const params = z.object({ id: z.string() });
const common = { resource: webhookEndpointSpec, stability: 'beta' as const };

const findOr404 = async (tx: Tx, id: string): Promise<Row> => {
  const [row] = await tx.select().from(w).where(eq(w.id, id)).limit(1);
  if (!row) throw notFound('webhook endpoint');
  return row;
};

/** The secret appears in exactly one response: the one that created (or rotated) it. */
const withSecret = (row: Row, secret: string) => {
  const resource = serializeWebhookEndpoint(row);
  return { ...resource, attributes: { ...resource.attributes, secret } };
};

export const listWebhookEndpoints = defineEndpoint<Record<string, never>, Record<string, unknown>>({
  ...common, operationId: 'listWebhookEndpoints', method: 'get', path: '/webhook-endpoints', summary: 'List webhook endpoints', scope: 'webhooks:read', query: 'raw',
  handler: async ({ tx, query, token, deps }) => {
    const plan = parseListQuery(webhookEndpointSpec, query, { includes: [], secret: deps.secret, shopId: token.shopId });
    const page = await runList<Row>(tx, webhookEndpointSpec, plan, deps.secret);
    return { status: 200, body: listBody(page.rows.map((r) => serializeWebhookEndpoint(r, plan)), page.nextCursor) };
  },
});

export const createWebhookEndpoint = defineEndpoint<Record<string, never>, Record<string, never>, unknown>({
  ...common, operationId: 'createWebhookEndpoint', method: 'post', path: '/webhook-endpoints', summary: 'Create a webhook endpoint (the secret is shown once)', scope: 'webhooks:write', query: z.strictObject({}), body: z.unknown(),
  handler: async ({ tx, token, body, deps, res }) => {
    const a = parseWritableAttributes(webhookEndpointSpec, body, 'create');
    const url = assertDeliverableUrl(deps.config, a.url as string);
    const secret = generateWebhookSecret();
    const [row] = await tx.insert(w).values({
      id: newId('webhookEndpoint'), agencyId: token.agencyId, shopId: token.shopId, url, description: (a.description as string | null | undefined) ?? null,
      events: a.events as WebhookEventType[], enabled: (a.enabled as boolean | undefined) ?? true, secretSealed: sealSecret(secret, deps.secret),
    }).returning();
    res.setHeader('Location', `/api/v1/webhook-endpoints/${row!.id}`);
    return { status: 201, body: { data: withSecret(row!, secret) } };
  },
});

export const getWebhookEndpoint = defineEndpoint<{ id: string }, Record<string, never>>({
  ...common, operationId: 'getWebhookEndpoint', method: 'get', path: '/webhook-endpoints/:id', summary: 'Get a webhook endpoint', scope: 'webhooks:read', params, query: z.strictObject({}),
  handler: async ({ tx, params: p }) => ({ status: 200, body: { data: serializeWebhookEndpoint(await findOr404(tx, p.id)) } }),
});

/** Re-enabling clears the failure state: the endpoint starts with a clean slate. */
export const updateWebhookEndpoint = defineEndpoint<{ id: string }, Record<string, never>, unknown>({
  ...common, operationId: 'updateWebhookEndpoint', method: 'patch', path: '/webhook-endpoints/:id', summary: 'Update a webhook endpoint', scope: 'webhooks:write', params, query: z.strictObject({}), body: z.unknown(),
  handler: async ({ tx, params: p, body, deps }) => {
    const a = parseWritableAttributes(webhookEndpointSpec, body, 'update');
    const current = await findOr404(tx, p.id);
    const changes: Partial<typeof w.$inferInsert> = { updatedAt: new Date() };
    if (a.url !== undefined) changes.url = assertDeliverableUrl(deps.config, a.url as string);
    if (a.description !== undefined) changes.description = a.description as string | null;
    if (a.events !== undefined) changes.events = a.events as WebhookEventType[];
    if (a.enabled !== undefined) Object.assign(changes, a.enabled ? { enabled: true, disabledReason: null, failingSince: null } : { enabled: false, disabledReason: 'disabled by an operator' });
    const [row] = await tx.update(w).set(changes).where(eq(w.id, current.id)).returning();
    return { status: 200, body: { data: serializeWebhookEndpoint(row!) } };
  },
});

export const deleteWebhookEndpoint = defineEndpoint<{ id: string }, Record<string, never>>({
  ...common, operationId: 'deleteWebhookEndpoint', method: 'delete', path: '/webhook-endpoints/:id', summary: 'Delete a webhook endpoint (idempotent)', scope: 'webhooks:write', params, query: z.strictObject({}),
  handler: async ({ tx, params: p, token }) => {
    await tx.delete(w).where(and(eq(w.shopId, token.shopId), eq(w.id, p.id)));
    return { status: 204 };
  },
});

/** A new secret, shown once; the old one keeps signing for `overlap_hours` (default 24, at most 168). */
export const rotateWebhookSecret = defineEndpoint<{ id: string }, Record<string, never>, unknown>({
  ...common, operationId: 'rotateWebhookEndpointSecret', method: 'post', path: '/webhook-endpoints/:id/rotate-secret', summary: 'Rotate the signing secret with an overlap window', scope: 'webhooks:write', params, query: z.strictObject({}), body: z.unknown(),
  handler: async ({ tx, params: p, body, deps }) => {
    const parsed = z.strictObject({ overlap_hours: z.number().int().min(0).max(168).default(24) }).safeParse(body === undefined ? {} : unwrapAttributes(body));
    if (!parsed.success) throw zodToValidationError(parsed.error);
    const current = await findOr404(tx, p.id);
    const secret = generateWebhookSecret();
    const [row] = await tx.update(w).set({
      secretSealed: sealSecret(secret, deps.secret),
      previousSecretSealed: parsed.data.overlap_hours > 0 ? current.secretSealed : null,
      previousSecretExpiresAt: parsed.data.overlap_hours > 0 ? sql`now() + make_interval(hours => ${parsed.data.overlap_hours})` : null,
      updatedAt: new Date(),
    }).where(eq(w.id, current.id)).returning();
    return { status: 200, body: { data: withSecret(row!, secret) } };
  },
});
