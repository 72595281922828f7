import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { ENROLLMENT_STATUSES, JOURNEY_STATUSES, type JourneyStep, type JourneyTrigger } from '@sumeru/domain';
import { tenantColumns, tenantPolicies, timestamps } from './columns';
import { customers } from './customers';
import { shops } from './shops';

export const journeys = pgTable(
  'journeys',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    name: text('name').notNull(),
    status: text('status', { enum: JOURNEY_STATUSES }).notNull().default('active'),
    trigger: jsonb('trigger').$type<JourneyTrigger>().notNull(),
    steps: jsonb('steps').$type<JourneyStep[]>().notNull(),
    ...timestamps,
  },
  (t) => [
    unique('journeys_shop_id_key').on(t.shopId, t.id),
    index('journeys_shop_created_idx').on(t.shopId, t.createdAt, t.id),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    ...tenantPolicies('journeys'),
  ],
);

export const journeyEnrollments = pgTable(
  'journey_enrollments',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    journeyId: text('journey_id').notNull(),
    customerId: text('customer_id').notNull(),
    status: text('status', { enum: ENROLLMENT_STATUSES }).notNull().default('active'),
    currentStep: integer('current_step').notNull().default(0),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    exitedAt: timestamp('exited_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('journey_enrollments_shop_journey_idx').on(t.shopId, t.journeyId, t.enrolledAt, t.id),
    // A customer is in a journey at most once at a time.
    uniqueIndex('journey_enrollments_one_active_key').on(t.shopId, t.journeyId, t.customerId).where(sql`status = 'active'`),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    foreignKey({ columns: [t.shopId, t.journeyId], foreignColumns: [journeys.shopId, journeys.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.shopId, t.customerId], foreignColumns: [customers.shopId, customers.id] }),
    ...tenantPolicies('journey_enrollments'),
  ],
);
