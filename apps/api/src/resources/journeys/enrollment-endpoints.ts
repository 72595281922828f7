import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordEvent, schema } from '@sumeru/db';
import { newId } from '@sumeru/domain';
import { AppError, validationError } from '@sumeru/errors';
import { unwrapAttributes, zodToValidationError } from '../../listing/attributes';
import { listBody, parseListQuery, runList } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { findJourneyOr404 } from './journey-endpoints';
import { enrollmentSpec, serializeEnrollment } from './journey-resource';

type EnrollmentRow = typeof schema.journeyEnrollments.$inferSelect;

export const listEnrollments = defineEndpoint<{ id: string }, Record<string, unknown>>({
  operationId: 'listJourneyEnrollments',
  method: 'get',
  path: '/journeys/:id/enrollments',
  summary: "List a journey's enrollments",
  scope: 'journeys:read',
  stability: 'stable',
  params: z.object({ id: z.string() }),
  query: 'raw',
  resource: enrollmentSpec,
  handler: async ({ tx, params, query, token, deps }) => {
    await findJourneyOr404(tx, params.id);
    const plan = parseListQuery(enrollmentSpec, query, { includes: [], secret: deps.secret, shopId: token.shopId });
    const scoped = { ...plan, where: plan.where ? and(plan.where, eq(schema.journeyEnrollments.journeyId, params.id)) : eq(schema.journeyEnrollments.journeyId, params.id) };
    const page = await runList<EnrollmentRow>(tx, enrollmentSpec, scoped, deps.secret);
    return { status: 200, body: listBody(page.rows.map((r) => serializeEnrollment(r, plan)), page.nextCursor) };
  },
});

/** Integrators trigger a journey for a customer; an active journey only, once at a time. */
export const createEnrollment = defineEndpoint<{ id: string }, Record<string, never>, unknown>({
  operationId: 'createJourneyEnrollment',
  method: 'post',
  path: '/journeys/:id/enrollments',
  summary: 'Enroll a customer in a journey',
  scope: 'journeys:write',
  stability: 'beta',
  params: z.object({ id: z.string() }),
  query: z.strictObject({}),
  body: z.unknown(),
  resource: enrollmentSpec,
  handler: async ({ tx, params, body, token, res }) => {
    const parsed = z.strictObject({ customer_id: z.string().min(1) }).safeParse(unwrapAttributes(body));
    if (!parsed.success) throw zodToValidationError(parsed.error);
    const journey = await findJourneyOr404(tx, params.id);
    if (journey.status !== 'active') throw new AppError('conflict', `The journey is ${journey.status}; only active journeys take enrollments.`, { details: { status: journey.status } });
    const [customer] = await tx.select({ id: schema.customers.id }).from(schema.customers).where(eq(schema.customers.id, parsed.data.customer_id)).limit(1);
    if (!customer) throw validationError('customer_id', 'customer_id must name a customer of this shop');
    const [row] = await tx
      .insert(schema.journeyEnrollments)
      .values({ id: newId('enrollment'), agencyId: token.agencyId, shopId: token.shopId, journeyId: journey.id, customerId: customer.id })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('conflict', 'The customer is already active in this journey.', { details: { customer_id: customer.id } });
    res.setHeader('Location', `/api/v1/journeys/${journey.id}/enrollments`);
    const data = serializeEnrollment(row);
    await recordEvent(tx, token, 'journey.enrollment.created', data);
    return { status: 201, body: { data } };
  },
});
