import { describe, expect, it } from 'vitest';
import { ID_PREFIXES, isIdOf, minorToMoney, moneyToMinor, newId, ZTags } from './index';

describe('ids', () => {
  it('prefixes each id with its type', () => {
    expect(newId('customer')).toMatch(/^cus_[0-9A-Za-z]{22}$/);
    expect(newId('shop')).toMatch(/^shp_/);
    expect(isIdOf('order', newId('order'))).toBe(true);
    expect(isIdOf('order', newId('customer'))).toBe(false);
  });

  it('does not repeat and is not sequential', () => {
    const ids = Array.from({ length: 5000 }, () => newId('customer'));
    expect(new Set(ids).size).toBe(ids.length);
    const sorted = [...ids].sort();
    expect(sorted).not.toEqual(ids);
  });

  it('has no prefix typed twice', () => {
    const prefixes = Object.values(ID_PREFIXES);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});

describe('money', () => {
  it('converts between minor units and decimal strings exactly', () => {
    expect(minorToMoney(48720)).toBe('487.20');
    expect(minorToMoney(5)).toBe('0.05');
    expect(minorToMoney(-1999)).toBe('-19.99');
    expect(moneyToMinor('487.2')).toBe(48720);
    expect(moneyToMinor('0.10') + moneyToMinor('0.20')).toBe(30);
    expect(() => moneyToMinor('1e3')).toThrow();
  });
});

describe('tags', () => {
  it('trims and de-duplicates', () => {
    expect(ZTags.parse(['vip', ' vip ', 'wholesale'])).toEqual(['vip', 'wholesale']);
    expect(ZTags.safeParse(['<script>']).success).toBe(false);
  });
});
