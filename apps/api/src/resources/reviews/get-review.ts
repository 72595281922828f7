import { z } from 'zod';
import { parseSingleQuery } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { findReviewOr404, reviewSpec, serializeReview } from './review-resource';

export const getReview = defineEndpoint<{ id: string }, Record<string, unknown>>({
  operationId: 'getReview',
  method: 'get',
  path: '/reviews/:id',
  summary: 'Get a review',
  scope: 'reviews:read',
  stability: 'beta',
  params: z.object({ id: z.string() }),
  query: 'raw',
  resource: reviewSpec,
  handler: async ({ tx, params, query }) => {
    const options = parseSingleQuery(reviewSpec, query, []);
    const row = await findReviewOr404(tx, params.id);
    return { status: 200, body: { data: serializeReview(row, { fields: options.fields }) } };
  },
});
