import type { LifecycleStage } from './customer';

/**
 * RFM scoring: each customer gets a 1–5 score for Recency (days since last order), Frequency
 * (orders) and Monetary (total spent), by quintile among the shop's customers who ordered.
 * The scores place the customer in a lifecycle stage and give a churn risk; the run turns the
 * stages into recommended actions.
 */
export type RfmInput = { id: string; lastOrderAt: Date | null; ordersCount: number; totalSpentMinor: number };
export type RfmScore = { id: string; r: number; f: number; m: number; stage: LifecycleStage; churnRisk: number };

const DAY_MS = 86_400_000;

/** Quintile (1–5) of each value; ties share the score of their first position. */
export const quintiles = (values: readonly number[]): number[] => {
  const sorted = [...values].sort((a, b) => a - b);
  const first = new Map<number, number>();
  sorted.forEach((v, i) => { if (!first.has(v)) first.set(v, i); });
  return values.map((v) => Math.min(5, 1 + Math.floor((first.get(v)! * 5) / Math.max(1, sorted.length))));
};

/**
 * The stage from scores and raw facts: never ordered or one order in the last 30 days → new;
 * no order for 365 days → churned; frequent, valuable and recent → loyal; once-good customers
 * going quiet → at risk; everyone else active.
 */
export const stageOf = (s: { r: number; f: number; m: number }, ordersCount: number, daysSince: number | null): LifecycleStage => {
  if (daysSince === null || (ordersCount <= 1 && daysSince <= 30)) return 'new';
  if (daysSince > 365) return 'churned';
  if (s.r >= 4 && s.f >= 4 && s.m >= 3) return 'loyal';
  if (s.r <= 2 && (s.f >= 3 || s.m >= 3)) return 'at_risk';
  if (daysSince > 180) return 'at_risk';
  return 'active';
};

/** 0 (recent and regular) to 1 (long gone), from days since the last order against 365. */
export const churnRiskOf = (daysSince: number | null, recency: number): number =>
  daysSince === null ? 0 : Number(Math.min(1, 0.7 * Math.min(1, daysSince / 365) + 0.3 * ((5 - recency) / 4)).toFixed(3));

export const scoreRfm = (customers: readonly RfmInput[], now: Date): RfmScore[] => {
  const buyers = customers.filter((c) => c.lastOrderAt !== null);
  const days = buyers.map((c) => (now.getTime() - c.lastOrderAt!.getTime()) / DAY_MS);
  // Fewer days since the last order is better, so recency ranks the negated age.
  const r = quintiles(days.map((d) => -d));
  const f = quintiles(buyers.map((c) => c.ordersCount));
  const m = quintiles(buyers.map((c) => c.totalSpentMinor));
  const scored = new Map(buyers.map((c, i) => {
    const s = { r: r[i]!, f: f[i]!, m: m[i]! };
    return [c.id, { id: c.id, ...s, stage: stageOf(s, c.ordersCount, days[i]!), churnRisk: churnRiskOf(days[i]!, s.r) }];
  }));
  return customers.map((c) => scored.get(c.id) ?? { id: c.id, r: 0, f: 0, m: 0, stage: 'new', churnRisk: 0 });
};
