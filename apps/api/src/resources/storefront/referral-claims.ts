import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@sumeru/db';
import { notFound } from '@sumeru/errors';
import { listBody, parseListQuery, parseSingleQuery, runList } from '../../listing/list-query';
import type { ResourceSpec } from '../../listing/resource-spec';
import { createSerializer } from '../../listing/serialize';
import { defineEndpoint } from '../../pipeline/endpoint';

const t = schema.referralClaims;

/** Claimed referrals, written by the storefront (`POST /api/public/referrals/claim`); read-only here. */
export const referralClaimSpec: ResourceSpec = {
  type: 'referral_claim',
  table: t,
  id: t.id,
  shop: t.shopId,
  defaultSort: '-created_at',
  attributes: {
    referral_code_id: { column: t.referralCodeId, kind: 'string', filter: true },
    referrer_customer_id: { column: t.referrerCustomerId, kind: 'string', filter: true },
    referee_email: { column: t.refereeEmail, kind: 'string', filter: true },
    referee_voucher_id: { column: t.refereeVoucherId, kind: 'string' },
    referrer_voucher_id: { column: t.referrerVoucherId, kind: 'string' },
    created_at: { column: t.createdAt, kind: 'datetime', filter: 'range', sort: true },
  },
};

const serialize = createSerializer(referralClaimSpec);

export const listReferralClaims = defineEndpoint<Record<string, never>, Record<string, unknown>>({
  operationId: 'listReferralClaims',
  method: 'get',
  path: '/referral-claims',
  summary: 'List claimed referrals',
  scope: 'storefront:read',
  stability: 'beta',
  query: 'raw',
  resource: referralClaimSpec,
  handler: async ({ tx, query, token, deps }) => {
    const plan = parseListQuery(referralClaimSpec, query, { includes: [], secret: deps.secret, shopId: token.shopId });
    const page = await runList<Record<string, unknown>>(tx, referralClaimSpec, plan, deps.secret);
    return { status: 200, body: listBody(page.rows.map((row) => serialize(row, plan)), page.nextCursor) };
  },
});

export const getReferralClaim = defineEndpoint<{ id: string }, Record<string, unknown>>({
  operationId: 'getReferralClaim',
  method: 'get',
  path: '/referral-claims/:id',
  summary: 'Get a claimed referral',
  scope: 'storefront:read',
  stability: 'beta',
  params: z.object({ id: z.string() }),
  query: 'raw',
  resource: referralClaimSpec,
  handler: async ({ tx, params, query, token }) => {
    const options = parseSingleQuery(referralClaimSpec, query, []);
    const [row] = await tx.select().from(t).where(and(eq(t.shopId, token.shopId), eq(t.id, params.id))).limit(1);
    if (!row) throw notFound('referral claim');
    return { status: 200, body: { data: serialize(row, options) } };
  },
});
