import { describe, expect, it } from 'vitest';
import { canonicalJson, hashRequest, isValidKey } from './request-hash';

describe('request hashing', () => {
  it('ignores key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(hashRequest('post', '/x', { a: 1, b: 2 })).toBe(hashRequest('POST', '/x', { b: 2, a: 1 }));
  });

  it('tells apart method, path and body', () => {
    const base = hashRequest('POST', '/campaigns', { name: 'A' });
    expect(hashRequest('PATCH', '/campaigns', { name: 'A' })).not.toBe(base);
    expect(hashRequest('POST', '/campaigns/1', { name: 'A' })).not.toBe(base);
    expect(hashRequest('POST', '/campaigns', { name: 'B' })).not.toBe(base);
    expect(hashRequest('POST', '/campaigns', [1, 2])).not.toBe(hashRequest('POST', '/campaigns', [2, 1]));
  });

  it('accepts keys of 1 to 255 visible ASCII characters', () => {
    expect(isValidKey('launch-spring-2026-05-10')).toBe(true);
    expect(isValidKey('x'.repeat(255))).toBe(true);
    expect(isValidKey('x'.repeat(256))).toBe(false);
    expect(isValidKey('')).toBe(false);
    expect(isValidKey('has space')).toBe(false);
    expect(isValidKey('ünï')).toBe(false);
  });
});
