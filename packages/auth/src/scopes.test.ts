import { describe, expect, it } from 'vitest';
import { hasScope, parseScopes, SCOPE_GROUPS, SCOPES } from './index';

describe('hasScope', () => {
  it('grants a scope that is held', () => {
    expect(hasScope(['orders:read'], 'orders:read')).toBe(true);
  });

  it('lets write imply read for the same resource', () => {
    expect(hasScope(['customers:write'], 'customers:read')).toBe(true);
  });

  it('does not let read imply write', () => {
    expect(hasScope(['customers:read'], 'customers:write')).toBe(false);
  });

  it('does not let write on one resource imply read on another', () => {
    expect(hasScope(['orders:write'], 'customers:read')).toBe(false);
  });

  it('ignores unknown and look-alike granted scopes', () => {
    expect(hasScope(['customers:admin', 'customers', '*'], 'customers:read')).toBe(false);
    expect(hasScope([], 'analytics:read')).toBe(false);
  });
});

describe('parseScopes', () => {
  it('accepts a comma-separated string, trimming and de-duplicating', () => {
    expect(parseScopes(' orders:read, customers:write ,orders:read,')).toEqual({
      scopes: ['customers:write', 'orders:read'],
    });
  });

  it('accepts a list', () => {
    expect(parseScopes(['products:read', 'products:write'])).toEqual({ scopes: ['products:read', 'products:write'] });
  });

  it('expands * and all to every scope', () => {
    expect(parseScopes('*')).toEqual({ scopes: [...SCOPES] });
    expect(parseScopes(['all', 'orders:read'])).toEqual({ scopes: [...SCOPES] });
  });

  it('names every unknown scope, once', () => {
    expect(parseScopes('orders:read, order:read, Orders:Read, order:read')).toEqual({
      unknown: ['order:read', 'Orders:Read'],
    });
  });

  it('returns an empty set for empty input', () => {
    expect(parseScopes('')).toEqual({ scopes: [] });
  });
});

describe('SCOPE_GROUPS', () => {
  it('covers every scope exactly once', () => {
    const grouped = Object.values(SCOPE_GROUPS).flatMap((g) => {
      const entries: { scope: string }[] = [];
      if ('read' in g) entries.push(g.read);
      if ('write' in g) entries.push(g.write);
      return entries.map((e) => e.scope);
    });
    expect([...grouped].sort()).toEqual([...SCOPES].sort());
  });

  it('names each scope after its resource', () => {
    for (const [resource, group] of Object.entries(SCOPE_GROUPS)) {
      if ('read' in group) expect(group.read.scope).toBe(`${resource}:read`);
      if ('write' in group) expect(group.write.scope).toBe(`${resource}:write`);
    }
  });
});
