import { isScope, SCOPES } from './scopes';
import type { Scope } from './scopes';

/** True when `granted` allows `required`; holding `x:write` also allows `x:read`. */
export function hasScope(granted: readonly string[], required: Scope): boolean {
  if (granted.includes(required)) return true;
  if (!required.endsWith(':read')) return false;
  const write = `${required.slice(0, -':read'.length)}:write`;
  return granted.includes(write);
}

export type ParsedScopes = { scopes: Scope[] } | { unknown: string[] };

const WILDCARDS = new Set(['*', 'all']);

/**
 * Parses scopes as a user typed them (console form, CLI flag): comma-separated or a list,
 * trimmed, de-duplicated, `*` or `all` for every scope. Any unknown entry fails the whole
 * input, naming each one, so a typo never silently issues a token with fewer rights.
 */
export function parseScopes(input: string | readonly string[]): ParsedScopes {
  const raw = typeof input === 'string' ? input.split(',') : input.flatMap((s) => s.split(','));
  const entries = raw.map((s) => s.trim()).filter((s) => s.length > 0);

  const unknown: string[] = [];
  const picked = new Set<Scope>();
  for (const entry of entries) {
    if (WILDCARDS.has(entry)) {
      for (const scope of SCOPES) picked.add(scope);
    } else if (isScope(entry)) {
      picked.add(entry);
    } else if (!unknown.includes(entry)) {
      unknown.push(entry);
    }
  }
  if (unknown.length > 0) return { unknown };
  // Catalogue order, so the same set always serialises the same way.
  return { scopes: SCOPES.filter((scope) => picked.has(scope)) };
}
