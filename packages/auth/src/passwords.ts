import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export type ScryptParams = { N: number; r: number; p: number };

/** OWASP Password Storage Cheat Sheet minimum for scrypt. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// N=2^17, r=8 needs 128 MiB; Node's default ceiling is 32 MiB, so raise it explicitly.
const MAX_MEM = 256 * 1024 * 1024;
const ALGORITHM = 'scrypt';

/**
 * Hashes a password into `scrypt$N$r$p$saltB64$hashB64`. The parameters travel with the hash
 * so they can be raised later without invalidating existing passwords.
 * `params` exists for tests; production code should leave it at the default.
 */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  if (!areParamsValid(params)) throw new RangeError('invalid scrypt parameters');
  const salt = randomBytes(SALT_LENGTH);
  const key = await deriveKey(normalizePassword(password), salt, KEY_LENGTH, params);
  return [ALGORITHM, params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** False for a wrong password and for any stored value that is not a well-formed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  const key = await deriveKey(normalizePassword(password), parsed.salt, parsed.hash.length, parsed.params);
  return timingSafeEqual(key, parsed.hash);
}

// NIST SP 800-63B asks for Unicode normalisation so the same password typed on different
// keyboards or platforms hashes the same.
function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

function deriveKey(password: string, salt: Buffer, length: number, { N, r, p }: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, { N, r, p, maxmem: MAX_MEM }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function areParamsValid({ N, r, p }: ScryptParams): boolean {
  const isPowerOfTwo = Number.isInteger(N) && N >= 2 && (N & (N - 1)) === 0;
  // Upper bounds keep a tampered stored hash from making verification exhaust memory or CPU.
  return isPowerOfTwo && N <= 2 ** 20 && isIntIn(r, 1, 32) && isIntIn(p, 1, 16) && 128 * N * r <= MAX_MEM / 2;
}

function parseStored(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== ALGORITHM) return null;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  if (![n, r, p].every((v) => /^[1-9][0-9]{0,9}$/.test(v))) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (!areParamsValid(params)) return null;
  const salt = decodeBase64(saltB64);
  const hash = decodeBase64(hashB64);
  if (!salt || !hash || salt.length < SALT_LENGTH || hash.length < 16 || hash.length > 64) return null;
  return { params, salt, hash };
}

// Buffer.from(…, 'base64') skips invalid characters silently; round-tripping catches that.
function decodeBase64(value: string): Buffer | null {
  const buf = Buffer.from(value, 'base64');
  return buf.length > 0 && buf.toString('base64') === value ? buf : null;
}

function isIntIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
