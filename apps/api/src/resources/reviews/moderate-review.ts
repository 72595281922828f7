import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@sumeru/db';
import { AppError } from '@sumeru/errors';
import { defineEndpoint } from '../../pipeline/endpoint';
import { findReviewOr404, reviewSpec, serializeReview } from './review-resource';

type Target = 'approved' | 'rejected';

/**
 * Approve publishes a review on the storefront; reject hides it (also after approval). Asking
 * for the state a review is already in is a 409: the caller's picture of it is out of date.
 * The row is locked so two moderators racing get one success and one 409.
 */
const moderate = (target: Target, action: 'approve' | 'reject') =>
  defineEndpoint<{ id: string }, Record<string, never>>({
    operationId: `${action}Review`,
    method: 'post',
    path: `/reviews/:id/${action}`,
    summary: action === 'approve' ? 'Approve a review (publish it)' : 'Reject a review (hide it)',
    scope: 'reviews:write',
    stability: 'beta',
    resource: reviewSpec,
    operation: 'action',
    params: z.object({ id: z.string() }),
    query: z.strictObject({}),
    handler: async ({ tx, params }) => {
      const row = await findReviewOr404(tx, params.id, { lock: true });
      if (row.status === target) {
        throw new AppError('conflict', `The review is already ${target}.`, { details: { status: row.status, action } });
      }
      const [updated] = await tx
        .update(schema.reviews)
        .set({ status: target, moderatedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(schema.reviews.id, row.id))
        .returning();
      return { status: 200, body: { data: serializeReview(updated!) } };
    },
  });

export const approveReview = moderate('approved', 'approve');
export const rejectReview = moderate('rejected', 'reject');
