import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { newId } from '@sumeru/domain';
import { schema, type Tx } from '@sumeru/db';
import type { PixelEvent } from './event-schema';

export type Claim = { anonymousId: string; customerRef?: string; email?: string; at: Date };

/**
 * The identity claims in a batch, latest per anonymous id: an `identify`, or any event carrying
 * `customer_id` (the pixel repeats it after identify).
 */
export const claimsOf = (events: PixelEvent[]): Claim[] => {
  const latest = new Map<string, Claim>();
  for (const e of events) {
    if (e.type !== 'identify' && !e.customer_id) continue;
    const claim: Claim = { anonymousId: e.anonymous_id, at: new Date(e.occurred_at), ...(e.customer_id ? { customerRef: e.customer_id } : {}), ...(e.email ? { email: e.email.toLowerCase() } : {}) };
    const previous = latest.get(e.anonymous_id);
    if (!previous || previous.at <= claim.at) latest.set(e.anonymous_id, claim);
  }
  return [...latest.values()];
};

/**
 * Links anonymous ids to customers of the caller's shop (from pixel identifies, or from orders
 * imported with the buyer's anonymous id). `customer_id` may be Sumeru's id or
 * the shop platform's (the customer's external_id); otherwise the email finds the customer.
 * An identity is upserted per anonymous id (the latest claim wins) and the anonymous id's
 * not-yet-attributed touchpoints move to the customer. Returns anonymous id → customer id.
 */
export const stitchIdentities = async (
  tx: Tx,
  caller: { agencyId: string; shopId: string },
  claims: Claim[],
  source: 'identify' | 'order' = 'identify',
): Promise<Map<string, string>> => {
  const stitched = new Map<string, string>();
  if (claims.length === 0) return stitched;
  const c = schema.customers;
  const refs = [...new Set(claims.flatMap((k) => (k.customerRef ? [k.customerRef] : [])))];
  const emails = [...new Set(claims.flatMap((k) => (k.email ? [k.email] : [])))];
  const conditions = [
    ...(refs.length > 0 ? [inArray(c.id, refs), inArray(c.externalId, refs)] : []),
    ...(emails.length > 0 ? [inArray(sql`lower(${c.email})`, emails)] : []),
  ];
  const customers = await tx
    .select({ id: c.id, externalId: c.externalId, email: c.email })
    .from(c)
    .where(and(eq(c.shopId, caller.shopId), or(...conditions)));
  const byRef = new Map<string, string>();
  const byEmail = new Map<string, string>();
  for (const row of customers) {
    if (row.externalId) byRef.set(row.externalId, row.id);
    if (row.email) byEmail.set(row.email.toLowerCase(), row.id);
  }
  // Sumeru's own id wins over an external id that happens to look the same.
  for (const row of customers) byRef.set(row.id, row.id);

  const rows = claims.flatMap((claim) => {
    const customerId = (claim.customerRef && byRef.get(claim.customerRef)) || (claim.email && byEmail.get(claim.email)) || null;
    if (!customerId && !claim.email) return [];
    if (customerId) stitched.set(claim.anonymousId, customerId);
    return [{ id: newId('identity'), agencyId: caller.agencyId, shopId: caller.shopId, anonymousId: claim.anonymousId, customerId, email: claim.email ?? null, source, identifiedAt: claim.at }];
  });
  if (rows.length === 0) return stitched;
  const i = schema.identities;
  await tx
    .insert(i)
    .values(rows)
    .onConflictDoUpdate({
      target: [i.shopId, i.anonymousId],
      set: {
        customerId: sql`coalesce(excluded.customer_id, ${i.customerId})`,
        email: sql`coalesce(excluded.email, ${i.email})`,
        identifiedAt: sql`excluded.identified_at`,
        updatedAt: sql`now()`,
      },
      // An older claim arriving late does not undo a newer one.
      setWhere: sql`excluded.identified_at >= ${i.identifiedAt}`,
    });
  for (const [anonymousId, customerId] of stitched) {
    await tx
      .update(schema.touchpoints)
      .set({ customerId })
      .where(and(eq(schema.touchpoints.shopId, caller.shopId), eq(schema.touchpoints.anonymousId, anonymousId), isNull(schema.touchpoints.customerId)));
  }
  return stitched;
};
