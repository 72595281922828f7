import { and, eq, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { newId } from '@sumeru/domain';
import { recordEvent, schema, type Tx } from '@sumeru/db';
import { AppError } from '@sumeru/errors';
import { serializeReview } from '../../resources/reviews/review-resource';
import { definePublicEndpoint } from '../public-endpoint';
import { findProductOr404 } from './find-product';
import { ZSubmittedReview } from '../public-schemas';

// Text is kept verbatim (no trimming of inner content, no HTML stripping): escaping belongs to
// whoever renders it. Control characters other than tab and newlines are refused, so nothing
// odd reaches logs, emails or CSV exports.
const isAllowedChar = (code: number) => code === 9 || code === 10 || code === 13 || (code >= 32 && code !== 127);
const ZText = (max: number) =>
  z.string().max(max).refine((s) => [...s].every((ch) => isAllowedChar(ch.codePointAt(0)!)), 'must not contain control characters');

export const ZSubmitReview = z.strictObject({
  product_id: z.string().min(1).max(64),
  rating: z.number().int().min(1).max(5),
  title: ZText(200).optional(),
  body: ZText(5000).refine((s) => s.trim().length > 0, 'must not be empty'),
  author_name: ZText(100).refine((s) => s.trim().length > 0, 'must not be empty'),
  author_email: z.email().max(254),
  /** The order id (`ord_…`) or order number from the confirmation. */
  order_reference: z.string().min(1).max(64).optional(),
});

type SubmitReview = z.infer<typeof ZSubmitReview>;

/**
 * A verified buyer names an order of this shop that contains the product and was placed by a
 * customer with the reviewer's email. The email check keeps guessable order numbers from
 * buying a badge.
 */
const verifiedOrderId = async (tx: Tx, input: SubmitReview): Promise<string | null> => {
  if (!input.order_reference) return null;
  const o = schema.orders;
  const [row] = await tx
    .select({ id: o.id })
    .from(o)
    .innerJoin(schema.customers, and(eq(schema.customers.shopId, o.shopId), eq(schema.customers.id, o.customerId)))
    .innerJoin(schema.orderLineItems, and(eq(schema.orderLineItems.shopId, o.shopId), eq(schema.orderLineItems.orderId, o.id)))
    .where(
      and(
        or(eq(o.id, input.order_reference), eq(o.number, input.order_reference)),
        eq(schema.orderLineItems.productId, input.product_id),
        eq(sql`lower(${schema.customers.email})`, input.author_email.toLowerCase()),
      ),
    )
    .limit(1);
  return row?.id ?? null;
};

export const submitReview = definePublicEndpoint<Record<string, never>, Record<string, never>, SubmitReview>({
  operationId: 'submitReview',
  method: 'post',
  path: '/reviews',
  notFound: 'No such product in this shop (not_found)',
  summary: 'Submit a review (held for moderation)',
  description: 'Creates a `pending` review; it appears on the storefront once approved through the admin API. One review per email and product (409 `conflict` while an earlier one is pending or approved). `verified_buyer` is true when `order_reference` names an order of this shop, containing the product, placed with the same email.',
  stability: 'beta',
  scope: null,
  rateClass: 'write',
  responseSchema: ZSubmittedReview,
  successStatus: 201,
  query: z.strictObject({}),
  body: ZSubmitReview,
  handler: async ({ tx, caller, body }) => {
    await findProductOr404(tx, body.product_id);
    // One live review per reviewer and product: a rejected one may be rewritten, nothing else.
    const r = schema.reviews;
    const [previous] = await tx
      .select({ id: r.id })
      .from(r)
      .where(and(eq(r.shopId, caller.shopId), eq(r.productId, body.product_id), eq(r.authorEmail, body.author_email.toLowerCase()), ne(r.status, 'rejected')))
      .limit(1);
    if (previous) throw new AppError('conflict', 'This email has already reviewed this product.', { details: { reason: 'already_reviewed' } });
    const orderId = await verifiedOrderId(tx, body);
    const [row] = await tx
      .insert(schema.reviews)
      .values({
        id: newId('review'),
        agencyId: caller.agencyId,
        shopId: caller.shopId,
        productId: body.product_id,
        rating: body.rating,
        title: body.title ?? null,
        body: body.body,
        authorName: body.author_name,
        authorEmail: body.author_email.toLowerCase(),
        orderId,
        verifiedBuyer: orderId !== null,
      })
      .returning();
    await recordEvent(tx, caller, 'review.submitted', serializeReview(row!));
    const { id, type, attributes } = serializeReview(row!);
    return {
      status: 201,
      body: {
        data: {
          id,
          type,
          attributes: {
            product_id: attributes.product_id,
            status: attributes.status,
            rating: attributes.rating,
            title: attributes.title,
            body: attributes.body,
            author_name: attributes.author_name,
            verified_buyer: attributes.verified_buyer,
            created_at: attributes.created_at,
          },
        },
      },
    };
  },
});
