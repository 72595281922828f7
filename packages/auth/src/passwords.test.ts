import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './index';
import type { ScryptParams } from './index';

// Cheap parameters keep the suite fast; one test below exercises the OWASP default.
const FAST: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

describe('hashPassword / verifyPassword', () => {
  it('round-trips and rejects a wrong password', async () => {
    const stored = await hashPassword('correct horse battery staple', FAST);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('uses a fresh salt each time', async () => {
    const a = await hashPassword('same', FAST);
    const b = await hashPassword('same', FAST);
    expect(a).not.toBe(b);
  });

  it('defaults to the OWASP parameters in a self-describing format', async () => {
    const stored = await hashPassword('hunter2');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword('hunter2', stored)).toBe(true);
  });

  it('treats canonically equivalent Unicode input as the same password', async () => {
    const stored = await hashPassword('caf\u00e9', FAST);
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it('returns false for malformed stored hashes', async () => {
    const good = await hashPassword('pw', FAST);
    const [, n, r, p, salt, hash] = good.split('$');
    const malformed = [
      '',
      'not-a-hash',
      `bcrypt$${n}$${r}$${p}$${salt}$${hash}`,
      `scrypt$${n}$${r}$${p}$${salt}`,
      `scrypt$${n}$${r}$${p}$${salt}$${hash}$extra`,
      `scrypt$1000$${r}$${p}$${salt}$${hash}`, // N not a power of two
      `scrypt$${2 ** 30}$${r}$${p}$${salt}$${hash}`, // absurd cost
      `scrypt$${n}$0$${p}$${salt}$${hash}`,
      `scrypt$${n}$${r}$${p}$!!notbase64!!$${hash}`,
      `scrypt$${n}$${r}$${p}$${salt}$`,
      `scrypt$${n}$${r}$${p}$AAAA$${hash}`, // salt too short
    ];
    for (const stored of malformed) {
      expect(await verifyPassword('pw', stored), stored).toBe(false);
    }
  });
});
