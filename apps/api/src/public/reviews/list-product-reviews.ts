import { z } from 'zod';
import type { schema } from '@sumeru/db';
import { parseListQuery, runList } from '../../listing/list-query';
import { serializePublicReview, publicReviewSpec } from '../../resources/reviews/review-resource';
import { definePublicEndpoint } from '../public-endpoint';
import { findProductOr404 } from './find-product';
import { ratingSummary } from './rating-summary';
import { ZReviewList } from '../public-schemas';

type ReviewRow = typeof schema.reviews.$inferSelect;

const PUBLIC_FIELDS = ['rating', 'title', 'body', 'author_name', 'verified_buyer', 'created_at'];

export const listProductReviews = definePublicEndpoint<{ product_id: string }, { limit?: string; cursor?: string }>({
  operationId: 'listProductReviews',
  method: 'get',
  path: '/products/:product_id/reviews',
  summary: 'List a product’s approved reviews with its rating summary',
  description: 'Newest first, cursor-paginated. `meta.rating_summary` counts every approved review of the product: count, average (two decimals, null without reviews) and the distribution of ratings 1 to 5. Review text is returned exactly as submitted: render it as text, never as HTML.',
  stability: 'beta',
  scope: null,
  rateClass: 'read',
  responseSchema: ZReviewList,
  params: z.object({ product_id: z.string().max(64) }),
  query: z.strictObject({ limit: z.string().optional(), cursor: z.string().max(512).optional() }),
  handler: async ({ tx, caller, params, query, deps }) => {
    await findProductOr404(tx, params.product_id);
    const plan = parseListQuery(publicReviewSpec, query, {
      includes: [],
      secret: deps.secret,
      shopId: caller.shopId,
      fixedFilters: { product_id: params.product_id, status: 'approved' },
    });
    const page = await runList<ReviewRow>(tx, publicReviewSpec, plan, deps.secret);
    return {
      status: 200,
      body: {
        data: page.rows.map((row) => serializePublicReview(row, { fields: PUBLIC_FIELDS })),
        meta: { rating_summary: await ratingSummary(tx, caller.shopId, params.product_id) },
        pagination: { next_cursor: page.nextCursor, has_next: page.nextCursor !== null },
      },
    };
  },
});
