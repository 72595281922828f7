import { eq } from 'drizzle-orm';
import { sealSecret } from '@sumeru/auth';
import { recordEvent, schema, withShop, type Database } from '@sumeru/db';
import { newId, type WebhookEventType } from '@sumeru/domain';
import { generateWebhookSecret } from '@sumeru/webhooks';
import type { DeliverySettings } from '@sumeru/jobs';
import { pino } from 'pino';

export const PLATFORM_SECRET = 'test-platform-secret-of-at-least-32-characters';
export const silentLogger = pino({ level: 'silent' });

export const fastDelivery = (overrides: Partial<DeliverySettings> = {}): DeliverySettings => ({
  timeoutMs: 2000, retrySchedule: [1, 1, 1], disableAfterMs: 5 * 86_400_000, allowPrivateTargets: true, ...overrides,
});

export type Tenant = { agencyId: string; shopId: string };

/** An endpoint as the API creates it: its secret sealed with the platform secret. */
export const createEndpoint = async (db: Database, tenant: Tenant, url: string, events: WebhookEventType[] = ['order.created']) => {
  const secret = generateWebhookSecret();
  const id = newId('webhookEndpoint');
  await withShop(db, tenant.shopId, (tx) => tx.insert(schema.webhookEndpoints).values({ id, ...tenant, url, events, secretSealed: sealSecret(secret, PLATFORM_SECRET) }));
  return { id, secret };
};

/** Commits one outbox event, exactly as an API write does. */
export const commitEvent = (db: Database, tenant: Tenant, type: WebhookEventType = 'order.created', data: unknown = { id: newId('order') }) =>
  withShop(db, tenant.shopId, (tx) => recordEvent(tx, tenant, type, data));

export const deliveriesOf = (db: Database, tenant: Tenant, endpointId: string) =>
  withShop(db, tenant.shopId, (tx) => tx.select().from(schema.webhookDeliveries).where(eq(schema.webhookDeliveries.endpointId, endpointId)));

export const attemptsOf = (db: Database, tenant: Tenant, deliveryId: string) =>
  withShop(db, tenant.shopId, (tx) => tx.select().from(schema.webhookAttempts).where(eq(schema.webhookAttempts.deliveryId, deliveryId)).orderBy(schema.webhookAttempts.attempt));

export const endpointRow = async (db: Database, tenant: Tenant, endpointId: string) =>
  (await withShop(db, tenant.shopId, (tx) => tx.select().from(schema.webhookEndpoints).where(eq(schema.webhookEndpoints.id, endpointId))))[0]!;

type DeliveryRow = typeof schema.webhookDeliveries.$inferSelect;

/** Waits until the endpoint's (first) delivery satisfies `done`, and returns it. */
export const waitForDelivery = async (
  db: Database, tenant: Tenant, endpointId: string, done: (row: DeliveryRow) => boolean | Promise<boolean>, timeoutMs: number, what: string,
): Promise<DeliveryRow> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await deliveriesOf(db, tenant, endpointId).catch(() => []);
    if (row && (await done(row))) return row;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
