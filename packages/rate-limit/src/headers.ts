import type { RateLimitDecision } from './decision';

/**
 * Response headers for a decision: the X-RateLimit-* trio the seeds document (reset as epoch
 * seconds), the IETF draft RateLimit-Policy / RateLimit pair (reset as delta seconds), and
 * Retry-After on a refusal.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const { policy } = decision;
  const name = quoteSfString(policy.name);
  const headers: Record<string, string> = {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(decision.resetAt),
    'RateLimit-Policy': `${name};q=${policy.limit};w=${policy.windowSeconds}`,
    RateLimit: `${name};r=${decision.remaining};t=${decision.resetSeconds}`,
  };
  if (!decision.allowed) headers['Retry-After'] = String(decision.retryAfterSeconds ?? Math.max(1, decision.resetSeconds));
  return headers;
}

// RFC 8941 sf-string: printable ASCII only, with `"` and `\` escaped. Policy names come from
// configuration, so anything else is dropped rather than allowed to break the header.
function quoteSfString(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '');
  return `"${printable.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
