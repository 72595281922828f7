import { eq } from 'drizzle-orm';
import { schema, type Tx } from '@sumeru/db';
import { notFound } from '@sumeru/errors';
import { createSerializer } from '../../listing/serialize';
import type { ResourceSpec } from '../../listing/resource-spec';

const r = schema.reviews;

/** Reviews as the admin API sees them: everything, the reviewer's email and status included. */
export const reviewSpec: ResourceSpec = {
  type: 'review',
  table: r,
  id: r.id,
  shop: r.shopId,
  defaultSort: '-created_at',
  attributes: {
    product_id: { column: r.productId, kind: 'string', filter: true },
    status: { column: r.status, kind: 'string', filter: true, sort: true },
    rating: { column: r.rating, kind: 'integer', filter: 'range', sort: true },
    title: { column: r.title, kind: 'string' },
    body: { column: r.body, kind: 'string' },
    author_name: { column: r.authorName, kind: 'string' },
    author_email: { column: r.authorEmail, kind: 'string', filter: true },
    order_id: { column: r.orderId, kind: 'string' },
    verified_buyer: { column: r.verifiedBuyer, kind: 'boolean', filter: true },
    moderated_at: { column: r.moderatedAt, kind: 'datetime', filter: 'range', sort: true },
    created_at: { column: r.createdAt, kind: 'datetime', filter: 'range', sort: true },
    updated_at: { column: r.updatedAt, kind: 'datetime', filter: 'range', sort: true },
  },
};

export const serializeReview = createSerializer(reviewSpec);

/** What a storefront may see of an approved review: no email, no order, no moderation state. */
export const publicReviewSpec: ResourceSpec = {
  type: 'review',
  table: r,
  id: r.id,
  shop: r.shopId,
  defaultSort: '-created_at',
  attributes: {
    product_id: { column: r.productId, kind: 'string', filter: true },
    status: { column: r.status, kind: 'string', filter: true },
    rating: { column: r.rating, kind: 'integer' },
    title: { column: r.title, kind: 'string' },
    body: { column: r.body, kind: 'string' },
    author_name: { column: r.authorName, kind: 'string' },
    verified_buyer: { column: r.verifiedBuyer, kind: 'boolean' },
    created_at: { column: r.createdAt, kind: 'datetime', sort: true },
  },
};

export const serializePublicReview = createSerializer(publicReviewSpec);

/** RLS limits the row to the current shop; another shop's id is simply not found. */
export const findReviewOr404 = async (tx: Tx, id: string, options: { lock?: boolean } = {}) => {
  const query = tx.select().from(r).where(eq(r.id, id)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('review');
  return row;
};
