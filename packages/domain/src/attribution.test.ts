import { describe, expect, it } from 'vitest';
import { attributeOrder, splitRevenue, type Touch } from './attribution';

const order = new Date('2026-05-29T12:00:00Z');
const daysBefore = (d: number) => new Date(order.getTime() - d * 86_400_000);
// Four touches 20, 14, 7 and 0 days before the order, plus one outside a 28-day window.
const touches: Touch[] = [
  { id: 't_old', occurredAt: daysBefore(40) },
  { id: 't1', occurredAt: daysBefore(20) },
  { id: 't2', occurredAt: daysBefore(14) },
  { id: 't3', occurredAt: daysBefore(7) },
  { id: 't4', occurredAt: daysBefore(0) },
];
const credits = (model: Parameters<typeof attributeOrder>[0], opts = {}) =>
  Object.fromEntries(attributeOrder(model, touches, order, opts).map((c) => [c.touchpointId, Number(c.credit.toFixed(6))]));

describe('attribution models (hand-computed)', () => {
  it('first and last touch give everything to one touch inside the window', () => {
    expect(credits('first_touch')).toEqual({ t1: 1 });
    expect(credits('last_touch')).toEqual({ t4: 1 });
    expect(credits('first_touch', { lookbackDays: 60 })).toEqual({ t_old: 1 });
  });

  it('linear splits evenly', () => {
    expect(credits('linear')).toEqual({ t1: 0.25, t2: 0.25, t3: 0.25, t4: 0.25 });
  });

  it('time decay halves the weight every half-life (7 days by default)', () => {
    // 2^(-20/7) = 0.138011, 2^(-2) = 0.25, 2^(-1) = 0.5, 2^0 = 1; total 1.888011.
    expect(credits('time_decay')).toEqual({ t1: 0.073099, t2: 0.132414, t3: 0.264829, t4: 0.529658 });
    // With a 14-day half-life: 2^(-20/14) = 0.371499, 2^(-1) = 0.5, 2^(-0.5) = 0.707107, 1; total 2.578606.
    expect(credits('time_decay', { halfLifeDays: 14 })).toEqual({ t1: 0.14407, t2: 0.193903, t3: 0.274221, t4: 0.387807 });
  });

  it('position based gives 40/20/40', () => {
    expect(credits('position_based')).toEqual({ t1: 0.4, t2: 0.1, t3: 0.1, t4: 0.4 });
    expect(Object.values(credits('position_based', { lookbackDays: 8 }))).toEqual([0.5, 0.5]);
    expect(credits('position_based', { lookbackDays: 1 })).toEqual({ t4: 1 });
  });

  it('always sums to 1, and to nothing without touches in the window', () => {
    for (const model of ['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based'] as const) {
      const sum = attributeOrder(model, touches, order).reduce((a, c) => a + c.credit, 0);
      expect(sum).toBeCloseTo(1, 12);
    }
    expect(attributeOrder('linear', [{ id: 'late', occurredAt: new Date(order.getTime() + 1000) }], order)).toEqual([]);
  });
});

describe('splitRevenue', () => {
  it('splits cents exactly', () => {
    expect(splitRevenue(1000, [{ touchpointId: 'a', credit: 1 / 3 }, { touchpointId: 'b', credit: 1 / 3 }, { touchpointId: 'c', credit: 1 / 3 }])).toEqual([334, 333, 333]);
    expect(splitRevenue(48720, [{ touchpointId: 'a', credit: 0.4 }, { touchpointId: 'b', credit: 0.2 }, { touchpointId: 'c', credit: 0.4 }])).toEqual([19488, 9744, 19488]);
  });
});
