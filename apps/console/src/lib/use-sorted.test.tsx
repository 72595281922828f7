// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSorted } from './use-sorted';

const shops = [
  { name: 'Copper & Clay', revenue: '256.75', orders: 3 },
  { name: 'alpenglow', revenue: '1547.74', orders: 12 },
  { name: 'Birch', revenue: '99.00', orders: 12 },
];

describe('useSorted', () => {
  it('sorts decimal strings and numbers as numbers, text case-insensitively, and stably', () => {
    const { result } = renderHook(() => useSorted(shops, { initial: { key: 'name', direction: 'asc' }, searchKeys: ['name'] as const }));
    expect(result.current.visible.map((s) => s.name)).toEqual(['alpenglow', 'Birch', 'Copper & Clay']);
    act(() => result.current.toggle('revenue'));
    expect(result.current.visible.map((s) => s.revenue)).toEqual(['99.00', '256.75', '1547.74']);
    act(() => result.current.toggle('revenue'));
    expect(result.current.sort).toEqual({ key: 'revenue', direction: 'desc' });
    expect(result.current.visible.map((s) => s.revenue)).toEqual(['1547.74', '256.75', '99.00']);
    act(() => result.current.toggle('orders'));
    // Ties keep their input order.
    expect(result.current.visible.map((s) => s.name)).toEqual(['Copper & Clay', 'alpenglow', 'Birch']);
  });

  it('filters by the search keys, ignoring case and surrounding spaces', () => {
    const { result } = renderHook(() => useSorted(shops, { initial: { key: 'name', direction: 'asc' }, searchKeys: ['name'] as const }));
    act(() => result.current.setSearch('  CLAY '));
    expect(result.current.visible.map((s) => s.name)).toEqual(['Copper & Clay']);
    act(() => result.current.setSearch('nothing'));
    expect(result.current.visible).toEqual([]);
  });
});
