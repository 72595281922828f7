import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Tx } from '@sumeru/db';
import { newId, moneyToJson } from '@sumeru/domain';
import { AppError, notFound, validationError } from '@sumeru/errors';
import type { PublicCaller } from '../public-caller';
import { definePublicEndpoint } from '../public-endpoint';
import { generateCode, REFEREE_REWARD, REFERRER_REWARD } from './referral-rewards';
import { ZReferralClaim } from '../public-schemas';

const ZBody = z.strictObject({
  code: z.string().trim().min(4).max(32).transform((c) => c.toUpperCase()),
  email: z.email().max(254).transform((e) => e.toLowerCase()),
});

const createVoucher = async (tx: Tx, caller: PublicCaller, input: { claimId: string; role: 'referee' | 'referrer'; reward: typeof REFEREE_REWARD | typeof REFERRER_REWARD; currency: string | null; customerExternalId: string | null }) => {
  const [row] = await tx
    .insert(schema.vouchers)
    .values({
      id: newId('voucher'),
      agencyId: caller.agencyId,
      shopId: caller.shopId,
      externalId: `referral:${input.claimId}:${input.role}`,
      code: `REF-${generateCode(10)}`,
      description: input.reward.description,
      discountType: input.reward.discountType,
      amount: input.reward.amount,
      currency: input.currency,
      usageLimit: 1,
      customerExternalId: input.customerExternalId,
    })
    .returning();
  return row!;
};

export const claimReferral = definePublicEndpoint<Record<string, never>, Record<string, never>, z.infer<typeof ZBody>>({
  operationId: 'claimReferral',
  method: 'post',
  path: '/referrals/claim',
  notFound: 'No such referral code in this shop (not_found)',
  summary: 'Claim a referral code: a voucher for the referee, a reward for the referrer',
  description: 'Once per referee email per shop (409 `conflict` after that), never for the referrer’s own email (422), and only for people who have not ordered yet (409). The answer carries the referee’s one-use voucher; the referrer’s reward voucher is created at the same time and is visible through the admin API.',
  stability: 'beta',
  scope: null,
  rateClass: 'write',
  responseSchema: ZReferralClaim,
  successStatus: 201,
  query: z.strictObject({}),
  body: ZBody,
  handler: async ({ tx, caller, body }) => {
    const r = schema.referralCodes;
    const [code] = await tx.select().from(r).where(and(eq(r.shopId, caller.shopId), eq(r.code, body.code))).limit(1);
    if (!code) throw notFound('referral code');
    const c = schema.customers;
    const [referrer] = await tx.select().from(c).where(and(eq(c.shopId, caller.shopId), eq(c.id, code.customerId)));
    if (referrer?.email?.toLowerCase() === body.email) throw validationError('email', 'a customer cannot claim their own referral code');
    const [existing] = await tx
      .select({ id: c.id })
      .from(c)
      .where(and(eq(c.shopId, caller.shopId), eq(sql`lower(${c.email})`, body.email), gt(c.ordersCount, 0)))
      .limit(1);
    if (existing) throw new AppError('conflict', 'Referral rewards are for new customers; this email has ordered before.', { details: { reason: 'existing_customer' } });

    const claimId = newId('referralClaim');
    const [shop] = await tx.select({ currency: schema.shops.currency }).from(schema.shops).where(eq(schema.shops.id, caller.shopId));
    const refereeVoucher = await createVoucher(tx, caller, { claimId, role: 'referee', reward: REFEREE_REWARD, currency: null, customerExternalId: null });
    const referrerVoucher = await createVoucher(tx, caller, { claimId, role: 'referrer', reward: REFERRER_REWARD, currency: shop?.currency ?? null, customerExternalId: referrer?.externalId ?? code.customerId });
    const [claim] = await tx
      .insert(schema.referralClaims)
      .values({ id: claimId, agencyId: caller.agencyId, shopId: caller.shopId, referralCodeId: code.id, referrerCustomerId: code.customerId, refereeEmail: body.email, refereeVoucherId: refereeVoucher.id, referrerVoucherId: referrerVoucher.id })
      .onConflictDoNothing()
      .returning();
    // Throwing rolls the vouchers back with it: a second claim leaves nothing behind.
    if (!claim) throw new AppError('conflict', 'This email has already claimed a referral.', { details: { reason: 'already_claimed' } });
    return {
      status: 201,
      body: {
        data: {
          id: claim.id,
          type: 'referral_claim',
          attributes: {
            code: code.code,
            voucher: { code: refereeVoucher.code, discount_type: refereeVoucher.discountType, amount: moneyToJson(refereeVoucher.amount), currency: refereeVoucher.currency, usage_limit: refereeVoucher.usageLimit },
            created_at: claim.createdAt.toISOString(),
          },
        },
      },
    };
  },
});
