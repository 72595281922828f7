import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Tx } from '@sumeru/db';
import { newId } from '@sumeru/domain';
import { definePublicEndpoint } from '../public-endpoint';
import { findCustomerByIdAndEmail } from './find-referrer';
import { generateCode } from './referral-rewards';
import { ZReferralCode } from '../public-schemas';

const ZBody = z.strictObject({
  customer_id: z.string().min(1).max(128),
  email: z.email().max(254),
});

const codeOf = async (tx: Tx, tenant: { agencyId: string; shopId: string }, customerId: string): Promise<typeof schema.referralCodes.$inferSelect> => {
  const r = schema.referralCodes;
  const [existing] = await tx.select().from(r).where(and(eq(r.shopId, tenant.shopId), eq(r.customerId, customerId))).limit(1);
  if (existing) return existing;
  // A fresh code can collide with another customer's (31^8 codes): try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [created] = await tx.insert(r).values({ id: newId('referralCode'), ...tenant, customerId, code: generateCode() }).onConflictDoNothing().returning();
    if (created) return created;
    // A concurrent request may have created this customer's code meanwhile.
    const [raced] = await tx.select().from(r).where(and(eq(r.shopId, tenant.shopId), eq(r.customerId, customerId))).limit(1);
    if (raced) return raced;
  }
  throw new Error('could not allocate a referral code');
};

export const getReferralCode = definePublicEndpoint<Record<string, never>, Record<string, never>, z.infer<typeof ZBody>>({
  operationId: 'getReferralCode',
  method: 'post',
  path: '/referrals',
  notFound: 'No customer of this shop with this id and email (not_found)',
  summary: 'Get or create a customer’s referral code and share link',
  description: 'Names the signed-in customer by `customer_id` (Sumeru id or the shop platform’s id) and `email`; both must match the same customer. The same customer always gets the same code. `share_url` points at the shop’s domain with `?ref=CODE`.',
  stability: 'beta',
  scope: null,
  rateClass: 'write',
  responseSchema: ZReferralCode,
  query: z.strictObject({}),
  body: ZBody,
  handler: async ({ tx, caller, body }) => {
    const customer = await findCustomerByIdAndEmail(tx, caller.shopId, body.customer_id, body.email);
    const code = await codeOf(tx, caller, customer.id);
    const [shop] = await tx.select({ domain: schema.shops.domain }).from(schema.shops).where(eq(schema.shops.id, caller.shopId));
    const [claims] = await tx.select({ n: count() }).from(schema.referralClaims).where(and(eq(schema.referralClaims.shopId, caller.shopId), eq(schema.referralClaims.referralCodeId, code.id)));
    return {
      status: 200,
      body: {
        data: {
          id: code.id,
          type: 'referral_code',
          attributes: {
            code: code.code,
            share_url: shop?.domain ? `https://${shop.domain}/?ref=${encodeURIComponent(code.code)}` : null,
            claims_count: claims?.n ?? 0,
            created_at: code.createdAt.toISOString(),
          },
        },
      },
    };
  },
});
