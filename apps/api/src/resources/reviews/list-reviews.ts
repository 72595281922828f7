import type { schema } from '@sumeru/db';
import { listBody, parseListQuery, runList } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { reviewSpec, serializeReview } from './review-resource';

type ReviewRow = typeof schema.reviews.$inferSelect;

/** The moderation queue: `filter[status]=pending`, or a product's reviews with `filter[product_id]`. */
export const listReviews = defineEndpoint<Record<string, never>, Record<string, unknown>>({
  operationId: 'listReviews',
  method: 'get',
  path: '/reviews',
  summary: 'List reviews',
  scope: 'reviews:read',
  stability: 'beta',
  query: 'raw',
  resource: reviewSpec,
  handler: async ({ tx, query, token, deps }) => {
    const plan = parseListQuery(reviewSpec, query, { includes: [], secret: deps.secret, shopId: token.shopId });
    const page = await runList<ReviewRow>(tx, reviewSpec, plan, deps.secret);
    return { status: 200, body: listBody(page.rows.map((row) => serializeReview(row, { fields: plan.fields })), page.nextCursor) };
  },
});
