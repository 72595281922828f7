import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

export type AddressClass = 'public' | 'private' | 'loopback' | 'link_local' | 'cgnat' | 'metadata' | 'reserved';

const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

/**
 * What kind of address this is. IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4
 * address it carries; anything that is not plainly public is refused by the guard.
 */
export const classifyAddress = (address: string): AddressClass => {
  if (!ipaddr.isValid(address)) return 'reserved';
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  if (METADATA.has(ip.toString())) return 'metadata';
  const range = ip.range();
  if (range === 'unicast') return 'public';
  if (range === 'loopback') return 'loopback';
  if (range === 'private' || range === 'uniqueLocal') return 'private';
  if (range === 'linkLocal') return 'link_local';
  if (range === 'carrierGradeNat') return 'cgnat';
  return 'reserved';
};

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * The static checks on a customer-supplied webhook URL. WHATWG URL parsing normalises
 * decimal and hex IPv4 literals (`http://2130706433/` is 127.0.0.1), so they are judged too.
 * `allowLoopback` is for local development and tests only.
 */
export const checkWebhookUrl = (raw: string, options: { requireHttps: boolean; allowLoopback: boolean }): UrlCheck => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'url must be an absolute URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'url must use https' };
  if (options.requireHttps && url.protocol !== 'https:') return { ok: false, reason: 'url must use https' };
  if (url.username || url.password) return { ok: false, reason: 'url must not carry credentials' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) {
    const kind = classifyAddress(host);
    if (kind !== 'public' && !(options.allowLoopback && kind === 'loopback')) return { ok: false, reason: `url points at a ${kind.replace('_', '-')} address` };
  } else if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local')) {
    if (!options.allowLoopback || !host.endsWith('localhost')) return { ok: false, reason: 'url points at an internal host name' };
  }
  return { ok: true, url };
};

/**
 * Resolves the host and returns the one address to connect to, refusing if any resolved
 * address is not public. Connecting to exactly this address (not resolving again) closes
 * the DNS-rebinding gap.
 */
export const resolvePublicAddress = async (hostname: string, options: { allowLoopback: boolean }): Promise<{ address: string; family: number } | { error: string }> => {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host) ? [{ address: host, family: host.includes(':') ? 6 : 4 }] : await lookup(host, { all: true }).catch(() => []);
  if (addresses.length === 0) return { error: 'host does not resolve' };
  for (const a of addresses) {
    const kind = classifyAddress(a.address);
    if (kind !== 'public' && !(options.allowLoopback && kind === 'loopback')) return { error: `host resolves to a ${kind.replace('_', '-')} address` };
  }
  return addresses[0]!;
};
