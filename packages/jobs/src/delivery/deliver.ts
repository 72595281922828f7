import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { openSecret } from '@sumeru/auth';
import { newId } from '@sumeru/domain';
import { recordEvent, schema, withShop, type Tx } from '@sumeru/db';
import { signDelivery } from '@sumeru/webhooks';
import type { JobDeps } from '../settings';
import { nextRetryDelayMs } from './schedule';
import { sendWebhook, type SendOutcome } from './send';

const d = schema.webhookDeliveries;
const w = schema.webhookEndpoints;
type Delivery = typeof d.$inferSelect;
type Endpoint = typeof w.$inferSelect;

/** Extra time a claim lasts beyond the send timeout, for the bookkeeping around it. */
const LEASE_MARGIN_SECONDS = 2;

export type DeliveryResult = 'not_due' | 'cancelled' | 'succeeded' | 'retry' | 'failed';

/** The body every attempt of a delivery sends, byte for byte. */
const payloadOf = (event: typeof schema.events.$inferSelect): string =>
  JSON.stringify({ id: event.id, type: event.type, created_at: event.createdAt.toISOString(), data: event.data });

/** The secrets that sign now: the current one, and during a rotation's overlap the previous one. */
const signingSecrets = (endpoint: Endpoint, platformSecret: string): string[] => {
  const sealed = [endpoint.secretSealed];
  if (endpoint.previousSecretSealed && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date()) sealed.push(endpoint.previousSecretSealed);
  const secrets = sealed.map((s) => openSecret(s, platformSecret)).filter((s): s is string => s !== null);
  // A secret that no longer opens means the platform secret changed: sending unsigned is never an option.
  if (secrets.length === 0) throw new Error(`webhook endpoint ${endpoint.id}: signing secret cannot be opened with the platform secret`);
  return secrets;
};

/**
 * Takes the delivery if it is due and nobody holds it: the conditional UPDATE is the claim,
 * so of two workers reaching the same delivery only one sends. The claim expires on its own
 * (a worker killed mid-send), after which recovery queues the delivery again.
 */
const claim = async (deps: JobDeps, shopId: string, deliveryId: string) =>
  withShop(deps.db, shopId, async (tx) => {
    const leaseSeconds = Math.ceil(deps.delivery.timeoutMs / 1000) + LEASE_MARGIN_SECONDS;
    const [delivery] = await tx
      .update(d)
      .set({ leasedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`, attemptCount: sql`${d.attemptCount} + 1` })
      .where(and(
        eq(d.id, deliveryId),
        eq(d.status, 'pending'),
        lte(d.nextAttemptAt, sql`now() + interval '1 second'`),
        or(isNull(d.leasedUntil), lt(d.leasedUntil, sql`now()`)),
      ))
      .returning();
    if (!delivery) return null;
    const [endpoint] = await tx.select().from(w).where(eq(w.id, delivery.endpointId)).limit(1);
    if (!endpoint?.enabled) {
      await tx.update(d).set({ status: 'cancelled', leasedUntil: null, lastError: 'endpoint disabled', completedAt: new Date() }).where(eq(d.id, delivery.id));
      return 'cancelled' as const;
    }
    const [event] = await tx.select().from(schema.events).where(eq(schema.events.id, delivery.eventId)).limit(1);
    return { delivery, endpoint, event: event! };
  });

/** Disables the endpoint (once), tells subscribers and the operator why. */
const disableEndpoint = async (tx: Tx, endpoint: Endpoint, reason: string): Promise<void> => {
  const [disabled] = await tx
    .update(w)
    .set({ enabled: false, disabledReason: reason, updatedAt: new Date() })
    .where(and(eq(w.id, endpoint.id), eq(w.enabled, true)))
    .returning({ id: w.id });
  if (!disabled) return;
  const tenant = { agencyId: endpoint.agencyId, shopId: endpoint.shopId };
  await recordEvent(tx, tenant, 'webhook_endpoint.disabled', { id: endpoint.id, url: endpoint.url, reason });
  await tx.insert(schema.notices).values({
    id: newId('notice'), ...tenant, kind: 'webhook_endpoint.disabled', subjectId: endpoint.id, message: `Webhook endpoint ${endpoint.url} was disabled: ${reason}.`,
  });
};

/** Records the attempt and decides what comes next, in one transaction. */
const settle = async (deps: JobDeps, delivery: Delivery, endpoint: Endpoint, outcome: SendOutcome): Promise<DeliveryResult> =>
  withShop(deps.db, delivery.shopId, async (tx) => {
    const succeeded = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    await tx.insert(schema.webhookAttempts).values({
      id: newId('webhookAttempt'), agencyId: delivery.agencyId, shopId: delivery.shopId, deliveryId: delivery.id, attempt: delivery.attemptCount,
      startedAt: outcome.startedAt, latencyMs: outcome.latencyMs, statusCode: outcome.statusCode, succeeded, responseExcerpt: outcome.responseExcerpt, error: outcome.error,
    });
    const last = { leasedUntil: null, lastStatusCode: outcome.statusCode, lastError: outcome.error };
    if (succeeded) {
      await tx.update(d).set({ ...last, status: 'succeeded', completedAt: new Date() }).where(eq(d.id, delivery.id));
      // A success ends the failure streak (as the claim saw it; one begun since ends at the next success).
      if (endpoint.failingSince) await tx.update(w).set({ failingSince: null }).where(eq(w.id, endpoint.id));
      return 'succeeded';
    }

    // Replays are the operator's own tries: they never push an endpoint towards being disabled.
    const counts = delivery.replayOf === null;
    if (counts && outcome.statusCode === 410) {
      await tx.update(d).set({ ...last, status: 'failed', completedAt: new Date() }).where(eq(d.id, delivery.id));
      await disableEndpoint(tx, endpoint, 'the receiver answered 410 Gone');
      return 'failed';
    }
    if (counts) {
      const [state] = await tx
        .update(w)
        .set({ failingSince: sql`coalesce(${w.failingSince}, now())` })
        .where(eq(w.id, endpoint.id))
        .returning({ failingSince: w.failingSince });
      if (state?.failingSince && Date.now() - state.failingSince.getTime() >= deps.delivery.disableAfterMs) {
        await tx.update(d).set({ ...last, status: 'failed', completedAt: new Date() }).where(eq(d.id, delivery.id));
        const days = Math.round(deps.delivery.disableAfterMs / 86_400_000);
        await disableEndpoint(tx, endpoint, `every delivery failed for ${days >= 1 ? `${days} days` : `${Math.round(deps.delivery.disableAfterMs / 1000)} seconds`}`);
        return 'failed';
      }
    }
    const delay = nextRetryDelayMs(delivery.attemptCount, deps.delivery.retrySchedule, outcome.retryAfterSeconds);
    if (delay === null) {
      await tx.update(d).set({ ...last, status: 'failed', completedAt: new Date() }).where(eq(d.id, delivery.id));
      return 'failed';
    }
    // Moving next_attempt_at queues the retry (trigger), in this same transaction.
    await tx.update(d).set({ ...last, nextAttemptAt: new Date(Date.now() + delay) }).where(eq(d.id, delivery.id));
    return 'retry';
  });

/** One attempt of one delivery: claim, sign, send, settle. */
export const deliverWebhook = async (deps: JobDeps, input: { shopId: string; deliveryId: string }): Promise<DeliveryResult> => {
  const claimed = await claim(deps, input.shopId, input.deliveryId);
  if (claimed === null) return 'not_due';
  if (claimed === 'cancelled') return 'cancelled';
  const { delivery, endpoint, event } = claimed;
  const body = payloadOf(event);
  const headers = signDelivery({
    eventId: event.id, eventType: event.type, body, secrets: signingSecrets(endpoint, deps.secret), timestamp: Math.floor(Date.now() / 1000), attempt: delivery.attemptCount,
  });
  const outcome = await sendWebhook(endpoint.url, body, headers, { timeoutMs: deps.delivery.timeoutMs, allowPrivateTargets: deps.delivery.allowPrivateTargets });
  const result = await settle(deps, delivery, endpoint, outcome);
  deps.onDeliveryAttempt?.(result);
  deps.logger.info({ delivery_id: delivery.id, event_id: event.id, endpoint_id: endpoint.id, attempt: delivery.attemptCount, status: outcome.statusCode, latency_ms: outcome.latencyMs, result }, 'webhook delivery attempt');
  return result;
};
