import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Integration secrets we must use again (inbound webhook HMAC keys, verify tokens) cannot be
 * hashed, so they are sealed with AES-256-GCM under a key derived from the platform secret.
 * Format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
const keyFrom = (platformSecret: string): Buffer => createHash('sha256').update(`sumeru-seal:${platformSecret}`).digest();

export const sealSecret = (plaintext: string, platformSecret: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(platformSecret), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
};

/** Returns null when the value was not sealed with this platform secret or was altered. */
export const openSecret = (sealed: string, platformSecret: string): string | null => {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(platformSecret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
};
