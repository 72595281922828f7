import { createHash } from 'node:crypto';
import { encodeBase62, isBase62, randomBase62 } from './base62';
import { computeCrc32 } from './crc32';

export type SecretKind = 'admin_token' | 'publishable_key';

/** The one place these prefixes are spelled; everything else derives from it. */
export const SECRET_PREFIXES = {
  admin_token: 'copt_live_',
  publishable_key: 'pk_live_',
} as const satisfies Record<SecretKind, string>;

// 30 base62 characters carry ~178 bits of entropy; 6 more hold the CRC32 (62^6 > 2^32).
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
const BODY_LENGTH = RANDOM_LENGTH + CHECKSUM_LENGTH;

export type GeneratedSecret = {
  /** Shown to the user once, never stored. */
  secret: string;
  /** What the database stores and looks tokens up by. */
  hash: string;
  prefix: string;
  /** For the console's "copt_live_…a1B2" hint. */
  lastFour: string;
};

export function generateSecret(kind: SecretKind): GeneratedSecret {
  const prefix = SECRET_PREFIXES[kind];
  const payload = prefix + randomBase62(RANDOM_LENGTH);
  const secret = payload + computeChecksum(payload);
  return { secret, hash: hashSecret(secret), prefix, lastFour: secret.slice(-4) };
}

/**
 * Which kind of secret this is, or null if it cannot be one of ours. Pure string work, so a
 * request with a mistyped, truncated or made-up credential is refused before any lookup, and
 * secret scanners can recognise leaked tokens without calling us.
 */
export function checkSecretFormat(secret: string): SecretKind | null {
  for (const kind of Object.keys(SECRET_PREFIXES) as SecretKind[]) {
    const prefix = SECRET_PREFIXES[kind];
    if (!secret.startsWith(prefix)) continue;
    const body = secret.slice(prefix.length);
    if (body.length !== BODY_LENGTH || !isBase62(body)) return null;
    const payload = secret.slice(0, -CHECKSUM_LENGTH);
    return secret.slice(-CHECKSUM_LENGTH) === computeChecksum(payload) ? kind : null;
  }
  return null;
}

/**
 * SHA-256 hex of a secret. No salt or slow hash is needed: the secrets are 178 random bits,
 * so brute force is hopeless, and a deterministic hash is what makes an indexed lookup possible.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function computeChecksum(payload: string): string {
  return encodeBase62(computeCrc32(payload), CHECKSUM_LENGTH);
}
