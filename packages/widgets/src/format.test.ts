import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, stars } from './format';

describe('formatMoney', () => {
  it('formats decimal strings in their currency', () => {
    expect(formatMoney('49.90', 'EUR')).toBe('€49.90');
    expect(formatMoney(1200, 'USD')).toBe('$1,200.00');
  });

  it('returns "" for a non-number and falls back to "amount CODE" for an unknown currency', () => {
    expect(formatMoney('abc', 'EUR')).toBe('');
    expect(formatMoney('5', 'NOT-A-CODE')).toBe('5.00 NOT-A-CODE');
  });
});

describe('stars', () => {
  it('rounds to whole stars and clamps to 0–5', () => {
    expect(stars(3.7)).toBe('★★★★☆');
    expect(stars(3.2)).toBe('★★★☆☆');
    expect(stars(9)).toBe('★★★★★');
    expect(stars(-1)).toBe('☆☆☆☆☆');
  });
});

describe('formatDate', () => {
  it('formats an ISO timestamp and gives "" for garbage', () => {
    expect(formatDate('2026-11-20T10:00:00.000Z')).toMatch(/2026/);
    expect(formatDate('yesterday')).toBe('');
  });
});
