import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { money, tenantColumns, tenantPolicies, timestamps } from './columns';
import { customers } from './customers';
import { ingestionColumns, ingestionConstraints } from './ingestion-columns';
import { shops } from './shops';
import { vouchers } from './vouchers';

export const OFFER_DISCOUNT_TYPES = ['percentage', 'fixed_amount'] as const;

/** A customer's referral code (one per customer), shared as a link to the shop. */
export const referralCodes = pgTable(
  'referral_codes',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    customerId: text('customer_id').notNull(),
    code: text('code').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('referral_codes_shop_code_key').on(t.shopId, t.code),
    uniqueIndex('referral_codes_shop_customer_key').on(t.shopId, t.customerId),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    foreignKey({ columns: [t.shopId, t.customerId], foreignColumns: [customers.shopId, customers.id] }).onDelete('cascade'),
    ...tenantPolicies('referral_codes'),
  ],
);

/**
 * A claimed referral: the referee's welcome voucher and the referrer's reward voucher, made in
 * the same transaction. One claim per referee email per shop, whichever code they use.
 */
export const referralClaims = pgTable(
  'referral_claims',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    referralCodeId: text('referral_code_id').notNull(),
    referrerCustomerId: text('referrer_customer_id').notNull(),
    refereeEmail: text('referee_email').notNull(),
    refereeVoucherId: text('referee_voucher_id').notNull(),
    referrerVoucherId: text('referrer_voucher_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('referral_claims_shop_referee_key').on(t.shopId, t.refereeEmail),
    index('referral_claims_shop_referrer_idx').on(t.shopId, t.referrerCustomerId, t.createdAt),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    foreignKey({ columns: [t.referralCodeId], foreignColumns: [referralCodes.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.shopId, t.referrerCustomerId], foreignColumns: [customers.shopId, customers.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.refereeVoucherId], foreignColumns: [vouchers.id] }),
    foreignKey({ columns: [t.referrerVoucherId], foreignColumns: [vouchers.id] }),
    ...tenantPolicies('referral_claims'),
  ],
);

/** Products sold together at a discount. Managed through the admin API (bulk upsert by external_id). */
export const bundles = pgTable(
  'bundles',
  {
    ...ingestionColumns(),
    name: text('name').notNull(),
    description: text('description'),
    productIds: text('product_ids').array().notNull(),
    discountType: text('discount_type', { enum: OFFER_DISCOUNT_TYPES }).notNull(),
    discountValue: money('discount_value').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [...ingestionConstraints('bundles', t)],
);

/**
 * Upsell rules: when the product page or cart holds one of `trigger_product_ids` (or any
 * product when empty) and the cart reaches `minimum_cart_total`, offer `offer_product_ids`.
 */
export const upsellRules = pgTable(
  'upsell_rules',
  {
    ...ingestionColumns(),
    name: text('name').notNull(),
    headline: text('headline'),
    triggerProductIds: text('trigger_product_ids').array().notNull().default(sql`'{}'::text[]`),
    minimumCartTotal: money('minimum_cart_total'),
    offerProductIds: text('offer_product_ids').array().notNull(),
    discountType: text('discount_type', { enum: OFFER_DISCOUNT_TYPES }),
    discountValue: money('discount_value'),
    priority: integer('priority').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [...ingestionConstraints('upsell_rules', t)],
);

/**
 * A product-finder quiz. `questions`: [{ id, text, answers: [{ id, text, product_ids }] }];
 * each chosen answer scores its products, the best scores are the recommendations.
 */
export const quizzes = pgTable(
  'quizzes',
  {
    ...ingestionColumns(),
    title: text('title').notNull(),
    description: text('description'),
    questions: jsonb('questions').notNull(),
    maxRecommendations: integer('max_recommendations').notNull().default(3),
    active: boolean('active').notNull().default(true),
  },
  (t) => [...ingestionConstraints('quizzes', t)],
);
