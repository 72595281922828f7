import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './seal';

describe('sealSecret', () => {
  const platform = 'p'.repeat(40);

  it('round-trips and never stores the plaintext', () => {
    const sealed = sealSecret('shpss_abc123', platform);
    expect(sealed).not.toContain('shpss_abc123');
    expect(openSecret(sealed, platform)).toBe('shpss_abc123');
    expect(sealSecret('shpss_abc123', platform)).not.toBe(sealed);
  });

  it('refuses another platform secret or an altered value', () => {
    const sealed = sealSecret('secret', platform);
    expect(openSecret(sealed, 'q'.repeat(40))).toBeNull();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(openSecret(parts.join('.'), platform)).toBeNull();
    expect(openSecret('garbage', platform)).toBeNull();
  });
});
