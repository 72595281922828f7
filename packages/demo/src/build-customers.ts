import { LIFECYCLE_STAGES, newId, type LifecycleStage } from '@sumeru/domain';
import type { schema } from '@sumeru/db';
import type { Tenant } from './build-products';
import { DAY_MS, flipCoin, pickFloat, pickInt, pickOne, pickWeighted, type Random } from './random';
import { pickEmail } from './people';
import type { ShopProfile } from './shop-profiles';

export type CustomerRow = typeof schema.customers.$inferInsert;

/** A customer before their orders exist: the stage decides how many orders and when. */
export type CustomerPlan = {
  row: CustomerRow & { createdAt: Date };
  stage: LifecycleStage;
  orderCount: number;
  /** When the most recent order is placed; earlier orders fall between sign-up and this. */
  lastOrderAt: Date;
};

type StageShape = { weight: number; orders: [number, number]; createdDaysAgo: [number, number]; lastOrderDaysAgo: [number, number] };

// Loosely RFM-shaped: loyal = many and recent orders, at risk = went quiet a few months ago,
// churned = last order long ago, new = signed up lately with at most one order.
export const STAGE_SHAPES: Readonly<Record<LifecycleStage, StageShape>> = {
  new: { weight: 0.18, orders: [0, 1], createdDaysAgo: [1, 40], lastOrderDaysAgo: [0, 40] },
  active: { weight: 0.3, orders: [1, 3], createdDaysAgo: [60, 500], lastOrderDaysAgo: [0, 60] },
  loyal: { weight: 0.24, orders: [4, 8], createdDaysAgo: [200, 720], lastOrderDaysAgo: [0, 30] },
  at_risk: { weight: 0.14, orders: [1, 3], createdDaysAgo: [150, 600], lastOrderDaysAgo: [90, 145] },
  churned: { weight: 0.14, orders: [1, 2], createdDaysAgo: [300, 720], lastOrderDaysAgo: [200, 295] },
};

const STAGE_WEIGHTS = Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage, STAGE_SHAPES[stage].weight])) as Record<LifecycleStage, number>;

const pickTags = (random: Random, stage: LifecycleStage, acceptsMarketing: boolean): string[] => [
  ...(stage === 'loyal' && flipCoin(random, 0.6) ? ['vip'] : []),
  ...(flipCoin(random, 0.05) ? ['wholesale'] : []),
  ...(acceptsMarketing ? ['newsletter'] : []),
  ...(flipCoin(random, 0.1) ? ['referral'] : []),
];

const planCustomer = (random: Random, profile: ShopProfile, tenant: Tenant, stage: LifecycleStage, emails: Set<string>, now: Date): CustomerPlan => {
  const shape = STAGE_SHAPES[stage];
  const createdDaysAgo = pickFloat(random, ...shape.createdDaysAgo);
  // An order can only follow the sign-up, however the stage's window is drawn.
  const lastOrderDaysAgo = pickFloat(random, Math.min(shape.lastOrderDaysAgo[0], createdDaysAgo * 0.9), Math.min(shape.lastOrderDaysAgo[1], createdDaysAgo * 0.9));
  const firstName = pickOne(random, profile.people.firstNames);
  const lastName = pickOne(random, profile.people.lastNames);
  const acceptsMarketing = flipCoin(random, stage === 'loyal' ? 0.8 : 0.5);
  const createdAt = new Date(now.getTime() - createdDaysAgo * DAY_MS);
  return {
    stage,
    orderCount: pickInt(random, ...shape.orders),
    lastOrderAt: new Date(now.getTime() - lastOrderDaysAgo * DAY_MS),
    row: {
      id: newId('customer'),
      ...tenant,
      email: pickEmail(random, firstName, lastName, emails),
      firstName,
      lastName,
      phone: flipCoin(random, 0.85) ? profile.people.formatPhone(random) : null,
      lifecycleStage: stage,
      tags: pickTags(random, stage, acceptsMarketing),
      acceptsMarketing,
      currency: profile.currency,
      createdAt,
      updatedAt: createdAt,
    },
  };
};

/** `count` customers, every lifecycle stage among them, external ids in sign-up order. */
export const planCustomers = (random: Random, profile: ShopProfile, tenant: Tenant, count: number, now: Date): CustomerPlan[] => {
  const emails = new Set<string>();
  const plans = Array.from({ length: count }, (_, i) =>
    planCustomer(random, profile, tenant, i < LIFECYCLE_STAGES.length ? LIFECYCLE_STAGES[i]! : pickWeighted(random, STAGE_WEIGHTS), emails, now),
  );
  plans.sort((a, b) => a.row.createdAt.getTime() - b.row.createdAt.getTime());
  plans.forEach((plan, i) => {
    plan.row.externalId = `shopify_${6_100_000_000 + i}`;
  });
  return plans;
};
