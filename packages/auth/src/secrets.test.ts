import { describe, expect, it } from 'vitest';
import { computeCrc32 } from './crc32';
import { encodeBase62 } from './base62';
import { checkSecretFormat, generateSecret, hashSecret, randomBase62, safeEqual } from './index';

function flipCharAt(value: string, index: number): string {
  const c = value[index];
  const replacement = c === 'a' ? 'b' : 'a';
  return value.slice(0, index) + replacement + value.slice(index + 1);
}

describe('computeCrc32', () => {
  it('matches the standard check value', () => {
    expect(computeCrc32('123456789')).toBe(0xcbf43926);
    expect(computeCrc32('')).toBe(0);
  });
});

describe('base62', () => {
  it('encodes with left padding', () => {
    expect(encodeBase62(0, 6)).toBe('000000');
    expect(encodeBase62(61, 2)).toBe('0z');
    expect(encodeBase62(0xffffffff, 6)).toHaveLength(6);
  });

  it('generates random strings of the requested length and alphabet', () => {
    const value = randomBase62(1000);
    expect(value).toMatch(/^[0-9A-Za-z]{1000}$/);
    expect(randomBase62(0)).toBe('');
    expect(new Set(value).size).toBeGreaterThan(50);
  });
});

describe('generateSecret', () => {
  it('builds admin tokens that pass the format check', () => {
    const generated = generateSecret('admin_token');
    expect(generated.secret).toMatch(/^copt_live_[0-9A-Za-z]{36}$/);
    expect(generated.prefix).toBe('copt_live_');
    expect(generated.lastFour).toBe(generated.secret.slice(-4));
    expect(generated.hash).toBe(hashSecret(generated.secret));
    expect(checkSecretFormat(generated.secret)).toBe('admin_token');
  });

  it('builds publishable keys that pass the format check', () => {
    const generated = generateSecret('publishable_key');
    expect(generated.secret).toMatch(/^pk_live_[0-9A-Za-z]{36}$/);
    expect(checkSecretFormat(generated.secret)).toBe('publishable_key');
  });

  it('never repeats', () => {
    const secrets = new Set(Array.from({ length: 200 }, () => generateSecret('admin_token').secret));
    expect(secrets.size).toBe(200);
  });
});

describe('checkSecretFormat', () => {
  const { secret } = generateSecret('admin_token');

  it('rejects a single flipped character anywhere after the prefix', () => {
    for (let i = 'copt_live_'.length; i < secret.length; i++) {
      expect(checkSecretFormat(flipCharAt(secret, i))).toBeNull();
    }
  });

  it('rejects a wrong or altered prefix', () => {
    const body = secret.slice('copt_live_'.length);
    expect(checkSecretFormat(`copt_test_${body}`)).toBeNull();
    expect(checkSecretFormat(`pk_live_${body}`)).toBeNull();
    expect(checkSecretFormat(`sk_live_${body}`)).toBeNull();
  });

  it('rejects wrong lengths and foreign characters', () => {
    expect(checkSecretFormat(secret.slice(0, -1))).toBeNull();
    expect(checkSecretFormat(`${secret}0`)).toBeNull();
    expect(checkSecretFormat(`${secret.slice(0, 20)}-${secret.slice(21)}`)).toBeNull();
    expect(checkSecretFormat('')).toBeNull();
    expect(checkSecretFormat('copt_live_')).toBeNull();
  });
});

describe('hashSecret', () => {
  it('is 64 lowercase hex characters and deterministic', () => {
    const { secret } = generateSecret('admin_token');
    expect(hashSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(secret)).toBe(hashSecret(secret));
    expect(hashSecret(secret)).not.toBe(hashSecret(flipCharAt(secret, 12)));
  });

  it('matches the known SHA-256 of a fixed input', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('safeEqual', () => {
  it('is true for equal strings', () => {
    expect(safeEqual('copt_live_x', 'copt_live_x')).toBe(true);
    expect(safeEqual('', '')).toBe(true);
  });

  it('is false for different strings, including different lengths, without throwing', () => {
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', 'a')).toBe(false);
  });
});
