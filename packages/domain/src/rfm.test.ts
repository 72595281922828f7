import { describe, expect, it } from 'vitest';
import { churnRiskOf, quintiles, scoreRfm, stageOf } from './rfm';

const now = new Date('2026-06-01T00:00:00Z');
const ago = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('quintiles', () => {
  it('scores 1–5 by position, ties together', () => {
    expect(quintiles([10, 20, 30, 40, 50])).toEqual([1, 2, 3, 4, 5]);
    expect(quintiles([1, 1, 1, 1, 9])).toEqual([1, 1, 1, 1, 5]);
    expect(quintiles([5, 1, 3, 2, 4, 6, 7, 8, 9, 10])).toEqual([3, 1, 2, 1, 2, 3, 4, 4, 5, 5]);
  });
});

describe('stageOf', () => {
  it('follows the documented rules', () => {
    expect(stageOf({ r: 0, f: 0, m: 0 }, 0, null)).toBe('new');
    expect(stageOf({ r: 5, f: 1, m: 1 }, 1, 10)).toBe('new');
    expect(stageOf({ r: 1, f: 5, m: 5 }, 12, 400)).toBe('churned');
    expect(stageOf({ r: 5, f: 5, m: 4 }, 9, 5)).toBe('loyal');
    expect(stageOf({ r: 2, f: 4, m: 2 }, 6, 120)).toBe('at_risk');
    expect(stageOf({ r: 3, f: 2, m: 2 }, 2, 200)).toBe('at_risk');
    expect(stageOf({ r: 3, f: 3, m: 3 }, 3, 60)).toBe('active');
  });
});

describe('scoreRfm', () => {
  it('ranks recent, frequent, big spenders loyal and old ones churned', () => {
    const customers = [
      { id: 'big', lastOrderAt: ago(3), ordersCount: 20, totalSpentMinor: 500_000 },
      { id: 'gone', lastOrderAt: ago(500), ordersCount: 3, totalSpentMinor: 20_000 },
      { id: 'fading', lastOrderAt: ago(200), ordersCount: 8, totalSpentMinor: 90_000 },
      { id: 'steady', lastOrderAt: ago(40), ordersCount: 4, totalSpentMinor: 40_000 },
      { id: 'fresh', lastOrderAt: ago(2), ordersCount: 1, totalSpentMinor: 3_000 },
      { id: 'never', lastOrderAt: null, ordersCount: 0, totalSpentMinor: 0 },
    ];
    const byId = Object.fromEntries(scoreRfm(customers, now).map((s) => [s.id, s]));
    // 'fresh' ordered a day later, so 'big' is second on recency among five buyers: r = 4.
    expect(byId.big).toMatchObject({ r: 4, f: 5, m: 5, stage: 'loyal' });
    expect(byId.gone!.stage).toBe('churned');
    expect(byId.fading!.stage).toBe('at_risk');
    expect(byId.steady!.stage).toBe('active');
    expect(byId.fresh!.stage).toBe('new');
    expect(byId.never).toEqual({ id: 'never', r: 0, f: 0, m: 0, stage: 'new', churnRisk: 0 });
    expect(byId.gone!.churnRisk).toBeGreaterThan(byId.fading!.churnRisk);
    expect(byId.fading!.churnRisk).toBeGreaterThan(byId.big!.churnRisk);
  });

  it('bounds churn risk to [0, 1]', () => {
    expect(churnRiskOf(10_000, 1)).toBe(1);
    expect(churnRiskOf(0, 5)).toBe(0);
  });
});

describe('recommendActions', () => {
  it('recommends one action per populated stage with the most valuable customers first', async () => {
    const { recommendActions } = await import('./recommendations');
    const inputs = [
      { id: 'a', lastOrderAt: ago(200), ordersCount: 8, totalSpentMinor: 90_000 },
      { id: 'b', lastOrderAt: ago(210), ordersCount: 9, totalSpentMinor: 120_000 },
      { id: 'c', lastOrderAt: ago(2), ordersCount: 1, totalSpentMinor: 3_000 },
    ];
    const recs = recommendActions(scoreRfm(inputs, now), inputs);
    expect(recs.map((r) => [r.action, r.customers_count, r.customer_ids])).toEqual([
      ['win_back_campaign', 2, ['b', 'a']],
      ['second_purchase_nudge', 1, ['c']],
    ]);
  });
});
