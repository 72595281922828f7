import { z } from 'zod';
import { schema } from '@sumeru/db';
import { ZJourneySteps, ZJourneyTrigger } from '@sumeru/domain';
import { createSerializer } from '../../listing/serialize';
import type { ResourceSpec } from '../../listing/resource-spec';

const j = schema.journeys;
const e = schema.journeyEnrollments;

export const journeySpec: ResourceSpec = {
  type: 'journey',
  table: j,
  id: j.id,
  shop: j.shopId,
  defaultSort: '-created_at',
  attributes: {
    name: { column: j.name, kind: 'string', filter: true, sort: true, write: z.string().trim().min(1).max(200) },
    status: { column: j.status, kind: 'string', filter: true, sort: true, write: z.enum(['draft', 'active']).optional() },
    trigger: { column: j.trigger, kind: 'json', write: ZJourneyTrigger },
    steps: { column: j.steps, kind: 'json', write: ZJourneySteps },
    created_at: { column: j.createdAt, kind: 'datetime', filter: 'range', sort: true },
    updated_at: { column: j.updatedAt, kind: 'datetime', filter: 'range', sort: true },
  },
};

export const enrollmentSpec: ResourceSpec = {
  type: 'enrollment',
  table: e,
  id: e.id,
  shop: e.shopId,
  defaultSort: '-enrolled_at',
  attributes: {
    journey_id: { column: e.journeyId, kind: 'string' },
    customer_id: { column: e.customerId, kind: 'string', filter: true },
    status: { column: e.status, kind: 'string', filter: true, sort: true },
    current_step: { column: e.currentStep, kind: 'integer' },
    enrolled_at: { column: e.enrolledAt, kind: 'datetime', filter: 'range', sort: true },
    completed_at: { column: e.completedAt, kind: 'datetime' },
    exited_at: { column: e.exitedAt, kind: 'datetime' },
  },
};

export const serializeJourney = createSerializer(journeySpec);
export const serializeEnrollment = createSerializer(enrollmentSpec);
