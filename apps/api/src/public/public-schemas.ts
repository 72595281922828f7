import { z } from 'zod';

/** Response shapes of the storefront operations, for the public OpenAPI document. */
const ZPagination = z.object({ next_cursor: z.string().nullable(), has_next: z.boolean() });
const ZProduct = z.object({ id: z.string(), title: z.string(), handle: z.string(), price: z.number(), currency: z.string() });

export const ZReviewList = z.object({
  data: z.array(z.object({
    id: z.string(),
    type: z.literal('review'),
    attributes: z.object({ rating: z.number().int(), title: z.string().nullable(), body: z.string(), author_name: z.string(), verified_buyer: z.boolean(), created_at: z.string() }),
  })),
  meta: z.object({
    rating_summary: z.object({
      count: z.number().int(),
      average: z.number().nullable().describe('Two decimals; null without approved reviews'),
      distribution: z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int(), 4: z.number().int(), 5: z.number().int() }),
    }),
  }),
  pagination: ZPagination,
});

export const ZSubmittedReview = z.object({
  data: z.object({
    id: z.string(),
    type: z.literal('review'),
    attributes: z.object({
      product_id: z.string(), status: z.literal('pending'), rating: z.number().int(), title: z.string().nullable(), body: z.string(),
      author_name: z.string(), verified_buyer: z.boolean(), created_at: z.string(),
    }),
  }),
});

export const ZReferralCode = z.object({
  data: z.object({ id: z.string(), type: z.literal('referral_code'), attributes: z.object({ code: z.string(), share_url: z.string().nullable(), claims_count: z.number().int(), created_at: z.string() }) }),
});

export const ZReferralClaim = z.object({
  data: z.object({
    id: z.string(),
    type: z.literal('referral_claim'),
    attributes: z.object({
      code: z.string(),
      voucher: z.object({ code: z.string(), discount_type: z.string(), amount: z.number(), currency: z.string().nullable(), usage_limit: z.number().int().nullable() }),
      created_at: z.string(),
    }),
  }),
});

export const ZBundleList = z.object({
  data: z.array(z.object({
    id: z.string(),
    type: z.literal('bundle'),
    attributes: z.object({
      name: z.string(), description: z.string().nullable(), products: z.array(ZProduct), discount_type: z.enum(['percentage', 'fixed_amount']), discount_value: z.number(),
      currency: z.string(), regular_price: z.number(), bundle_price: z.number(), savings: z.number(),
    }),
  })),
});

export const ZUpsellList = z.object({
  data: z.array(z.object({
    id: z.string(),
    type: z.literal('upsell_offer'),
    attributes: z.object({
      headline: z.string(), discount_type: z.enum(['percentage', 'fixed_amount']).nullable(), discount_value: z.number().nullable(),
      products: z.array(ZProduct.extend({ offer_price: z.number() })),
    }),
  })),
});

export const ZQuiz = z.object({
  data: z.object({
    id: z.string(),
    type: z.literal('quiz'),
    attributes: z.object({
      title: z.string(), description: z.string().nullable(),
      questions: z.array(z.object({ id: z.string(), text: z.string(), answers: z.array(z.object({ id: z.string(), text: z.string() })) })),
    }),
  }),
});

export const ZQuizRecommendations = z.object({
  data: z.object({ quiz_id: z.string(), recommendations: z.array(z.object({ product: ZProduct, score: z.number().int() })) }),
});

export const ZIngestResult = z.object({
  data: z.object({
    accepted_count: z.number().int(),
    rejected_count: z.number().int(),
    rejected_items: z.array(z.object({ index: z.number().int(), errors: z.array(z.object({ field: z.string(), message: z.string() })) })),
  }),
});
