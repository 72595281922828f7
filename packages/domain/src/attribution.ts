/**
 * Multi-touch attribution: how much of one order each earlier touchpoint earns. Pure maths;
 * callers load the touchpoints. Credits of an order always sum to 1 (when it has any touch
 * inside the lookback window) and revenue shares sum exactly to the order total.
 */
export const ATTRIBUTION_MODELS = ['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

export type Touch = { id: string; occurredAt: Date };
export type Credit = { touchpointId: string; credit: number };
export type AttributionOptions = { lookbackDays?: number; halfLifeDays?: number };

const DAY_MS = 86_400_000;
export const DEFAULT_LOOKBACK_DAYS = 28;
export const DEFAULT_HALF_LIFE_DAYS = 7;

/** Touches inside [order − lookback, order], oldest first (ties by id, so results are stable). */
export const touchesInWindow = <T extends Touch>(touches: readonly T[], orderAt: Date, lookbackDays = DEFAULT_LOOKBACK_DAYS): T[] => {
  const from = orderAt.getTime() - lookbackDays * DAY_MS;
  return touches
    .filter((t) => t.occurredAt.getTime() >= from && t.occurredAt.getTime() <= orderAt.getTime())
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};

const weightsFor = (model: AttributionModel, touches: Touch[], orderAt: Date, halfLifeDays: number): number[] => {
  const n = touches.length;
  switch (model) {
    case 'first_touch':
      return touches.map((_, i) => (i === 0 ? 1 : 0));
    case 'last_touch':
      return touches.map((_, i) => (i === n - 1 ? 1 : 0));
    case 'linear':
      return touches.map(() => 1);
    case 'time_decay':
      // Half the weight every `halfLifeDays` before the order.
      return touches.map((t) => 2 ** (-(orderAt.getTime() - t.occurredAt.getTime()) / (halfLifeDays * DAY_MS)));
    case 'position_based':
      // 40% first, 40% last, 20% shared by the middle; with two touches 50/50, with one 100%.
      if (n === 1) return [1];
      if (n === 2) return [0.5, 0.5];
      return touches.map((_, i) => (i === 0 || i === n - 1 ? 0.4 : 0.2 / (n - 2)));
  }
};

export const attributeOrder = (model: AttributionModel, touches: readonly Touch[], orderAt: Date, options: AttributionOptions = {}): Credit[] => {
  const inWindow = touchesInWindow(touches, orderAt, options.lookbackDays);
  if (inWindow.length === 0) return [];
  const weights = weightsFor(model, inWindow, orderAt, options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS);
  const total = weights.reduce((a, b) => a + b, 0);
  return inWindow.map((t, i) => ({ touchpointId: t.id, credit: weights[i]! / total })).filter((c) => c.credit > 0);
};

/**
 * Splits `totalMinor` (cents) by credit with the largest-remainder method: integer shares that
 * add up to the total exactly, never float money.
 */
export const splitRevenue = (totalMinor: number, credits: readonly Credit[]): number[] => {
  const raw = credits.map((c) => c.credit * totalMinor);
  const shares = raw.map(Math.floor);
  let left = totalMinor - shares.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, rest: r - Math.floor(r) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
};
