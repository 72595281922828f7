import type { LifecycleStage } from '@sumeru/domain';
import { STAGE_SHAPES, type CustomerPlan } from './build-customers';
import { pickOne, type Random } from './random';

// Extra orders go to the customers who plausibly buy more; orders are taken back first from
// those who stay above their stage's minimum, so each stage keeps its shape.
const STAGES_BY_APPETITE: readonly LifecycleStage[] = ['loyal', 'active', 'at_risk', 'churned', 'new'];

/**
 * Moves the planned order counts until they add up to exactly `target`. Only a target far
 * below what the customers' stages suggest pushes counts under a stage's minimum.
 */
export const fitOrderCounts = (random: Random, plans: CustomerPlan[], target: number): void => {
  let total = plans.reduce((sum, plan) => sum + plan.orderCount, 0);
  while (total < target) {
    const stage = STAGES_BY_APPETITE.find((s) => plans.some((plan) => plan.stage === s));
    pickOne(random, plans.filter((plan) => plan.stage === stage)).orderCount++;
    total++;
  }
  while (total > target) {
    const aboveMinimum = STAGES_BY_APPETITE.map((s) => plans.filter((plan) => plan.stage === s && plan.orderCount > STAGE_SHAPES[s].orders[0])).find(
      (group) => group.length > 0,
    );
    pickOne(random, aboveMinimum ?? plans.filter((plan) => plan.orderCount > 0)).orderCount--;
    total--;
  }
};
