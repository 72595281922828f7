import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { newId } from '@sumeru/domain';
import { schema, type Tx } from '@sumeru/db';
import type { PublicCaller } from '../public-caller';
import { CLICK_ID_FIELDS, UTM_FIELDS, type PixelEvent } from './event-schema';
import { channelOf } from './touchpoint-channel';

const TRACKING_PARAMS: readonly string[] = [...UTM_FIELDS, ...CLICK_ID_FIELDS];

/**
 * A page view is a touchpoint when its own URL carries UTM parameters or a click id: the pixel
 * repeats the landing page's parameters on later events of the visit, and those are the same
 * touch, not new ones.
 */
const isLanding = (event: PixelEvent): boolean => {
  if (event.type !== 'page_view' || !event.url) return false;
  try {
    const params = new URL(event.url).searchParams;
    return TRACKING_PARAMS.some((name) => params.has(name));
  } catch {
    return false;
  }
};

/**
 * Writes an attribution touchpoint for each newly stored landing page view, for the customer
 * the anonymous id is stitched to (now or by an earlier identify), or anonymous until then.
 */
export const recordTouchpoints = async (tx: Tx, caller: PublicCaller, events: PixelEvent[], stitched: Map<string, string>) => {
  const landings = events.filter(isLanding);
  if (landings.length === 0) return 0;
  const unknown = [...new Set(landings.map((e) => e.anonymous_id).filter((id) => !stitched.has(id)))];
  const known = new Map(stitched);
  if (unknown.length > 0) {
    const i = schema.identities;
    const rows = await tx
      .select({ anonymousId: i.anonymousId, customerId: i.customerId })
      .from(i)
      .where(and(eq(i.shopId, caller.shopId), inArray(i.anonymousId, unknown), isNotNull(i.customerId)));
    for (const row of rows) known.set(row.anonymousId, row.customerId!);
  }
  await tx.insert(schema.touchpoints).values(
    landings.map((e) => ({
      id: newId('touchpoint'),
      agencyId: caller.agencyId,
      shopId: caller.shopId,
      customerId: known.get(e.anonymous_id) ?? null,
      anonymousId: e.anonymous_id,
      occurredAt: new Date(e.occurred_at),
      channel: channelOf(e),
      source: e.utm_source ?? null,
      medium: e.utm_medium ?? null,
      campaign: e.utm_campaign ?? null,
      clickId: e.gclid ?? e.msclkid ?? e.fbclid ?? e.ttclid ?? null,
      landingUrl: e.url ?? null,
      referrer: e.referrer || null,
    })),
  );
  return landings.length;
};
