import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient, dataOf, errorOf, openSuperuser, seedConsoleDemo } from './console-client';
import { startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let demo: Awaited<ReturnType<typeof seedConsoleDemo>>;

beforeAll(async () => {
  api = await startTestApi();
  demo = await seedConsoleDemo(api);
});
afterAll(async () => api?.close());

const sessionRows = async (email: string) => {
  const sql = openSuperuser(api);
  try {
    return await sql`select s.* from operator_sessions s join operators o on o.id = s.operator_id where lower(o.email) = ${email}`;
  } finally {
    await sql.end();
  }
};

describe('console sign-in and session cookie', () => {
  it('sets an HttpOnly, SameSite=Lax, Path=/ cookie (not Secure outside production) and stores only its SHA-256', async () => {
    const client = new ConsoleClient(api);
    const response = await client.signIn(demo.operator.email, demo.operator.password);
    const data = dataOf(response);
    expect(data.operator.email).toBe(demo.operator.email);
    expect(data.operator.role).toBe('owner');
    expect(data.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const cookie = response.setCookies.find((c) => c.startsWith('sumeru_session='))!;
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const id = client.cookie!.split('=')[1]!;
    // 128 random bits, base64url.
    expect(Buffer.from(decodeURIComponent(id), 'base64url')).toHaveLength(16);
    const rows = await sessionRows(demo.operator.email);
    const hashes = rows.map((r) => r.session_hash);
    expect(hashes).toContain(createHash('sha256').update(decodeURIComponent(id)).digest('hex'));
    expect(hashes).not.toContain(decodeURIComponent(id));
    const me = dataOf(await client.query('session.me'));
    expect(me.agency.id).toBe(demo.agency.id);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await new ConsoleClient(api).signIn(demo.operator.email, 'not-the-password');
    const unknown = await new ConsoleClient(api).signIn('nobody-here@example.test', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (body: any) => ({ ...body, error: { ...body.error, data: { ...body.error.data, error: { ...body.error.data.error, request_id: 'x' } } } });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(errorOf(wrong).code).toBe('unauthenticated');
    expect(errorOf(wrong).request_id).toBe(wrong.headers.get('x-request-id'));
    expect(wrong.setCookies).toEqual([]);
  });

  it('rotates the session at sign-in: the cookie held before no longer works', async () => {
    const client = new ConsoleClient(api);
    dataOf(await client.signIn(demo.operator.email, demo.operator.password));
    const before = client.cookie;
    dataOf(await client.signIn(demo.operator.email, demo.operator.password));
    expect(client.cookie).not.toBe(before);
    const stale = new ConsoleClient(api);
    stale.cookie = before;
    expect(dataOf(await stale.query('session.me'))).toBeNull();
    expect((await stale.query('agency.overview')).status).toBe(401);
  });

  it('signs out: the cookie is cleared and the server-side session is gone', async () => {
    const client = new ConsoleClient(api);
    dataOf(await client.signIn(demo.operator.email, demo.operator.password));
    const held = client.cookie;
    const out = await client.mutate('session.signOut');
    expect(out.status).toBe(200);
    expect(out.setCookies[0]).toMatch(/^sumeru_session=; .*Max-Age=0/);
    const replay = new ConsoleClient(api);
    replay.cookie = held;
    expect((await replay.query('agency.overview')).status).toBe(401);
    expect(errorOf(await replay.query('agency.overview')).code).toBe('unauthenticated');
  });

  it('expires a session after the idle timeout and after the absolute lifetime', async () => {
    const idle = new ConsoleClient(api);
    dataOf(await idle.signIn(demo.operator.email, demo.operator.password));
    const absolute = new ConsoleClient(api);
    dataOf(await absolute.signIn(demo.operator.email, demo.operator.password));
    const hashOf = (c: ConsoleClient) => createHash('sha256').update(decodeURIComponent(c.cookie!.split('=')[1]!)).digest('hex');
    expect((await idle.query('agency.overview')).status).toBe(200);
    const sql = openSuperuser(api);
    try {
      await sql`update operator_sessions set last_seen_at = now() - interval '2 hours 1 minute' where session_hash = ${hashOf(idle)}`;
      await sql`update operator_sessions set created_at = now() - interval '13 hours', expires_at = now() - interval '1 second' where session_hash = ${hashOf(absolute)}`;
    } finally {
      await sql.end();
    }
    expect((await idle.query('agency.overview')).status).toBe(401);
    expect((await absolute.query('agency.overview')).status).toBe(401);
  });
});

describe('console CSRF defences', () => {
  it('refuses a mutation without Origin, with a foreign Origin, or without the CSRF token', async () => {
    const client = new ConsoleClient(api);
    dataOf(await client.signIn(demo.operator.email, demo.operator.password));
    const input = { name: 'Should not exist' };

    const noOrigin = new ConsoleClient(api, { origin: null });
    noOrigin.cookie = client.cookie;
    noOrigin.csrfToken = client.csrfToken;
    const r1 = await noOrigin.mutate('agency.createShop', input);
    expect(r1.status).toBe(403);
    expect(r1.body.error.code).toBe('forbidden');
    expect(r1.body.error.details.reason).toBe('origin_mismatch');

    const evil = new ConsoleClient(api, { origin: 'https://evil.example' });
    evil.cookie = client.cookie;
    evil.csrfToken = client.csrfToken;
    expect((await evil.mutate('agency.createShop', input)).status).toBe(403);

    const noToken = new ConsoleClient(api);
    noToken.cookie = client.cookie;
    const r3 = await noToken.mutate('agency.createShop', input);
    expect(r3.status).toBe(403);
    expect(errorOf(r3).details.reason).toBe('csrf');

    const wrongToken = new ConsoleClient(api);
    wrongToken.cookie = client.cookie;
    wrongToken.csrfToken = 'A'.repeat(43);
    expect((await wrongToken.mutate('agency.createShop', input)).status).toBe(403);

    // Sign-in itself is refused cross-site (login CSRF).
    expect((await new ConsoleClient(api, { origin: 'https://evil.example' }).signIn(demo.operator.email, demo.operator.password)).status).toBe(403);

    const overview = dataOf(await client.query('agency.overview'));
    expect(overview.map((s: any) => s.name)).not.toContain('Should not exist');
    // The same request with Origin and token goes through.
    expect(dataOf(await client.mutate('agency.createShop', { name: 'Made with CSRF token' })).id).toMatch(/^shp_/);
  });
});

describe('sign-in throttling', () => {
  it('throttles per account after 10 attempts, for known and unknown emails alike, with the same answer', async () => {
    const throttled = await startTestApi();
    try {
      const seeded = await seedConsoleDemo(throttled);
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await new ConsoleClient(throttled).signIn(seeded.operator.email, `wrong-${i}`)).status);
      expect(statuses).toEqual(Array(10).fill(401));
      const known = await new ConsoleClient(throttled).signIn(seeded.operator.email, seeded.operator.password);
      expect(known.status).toBe(429);
      expect(Number(known.headers.get('retry-after'))).toBeGreaterThan(0);
      for (let i = 0; i < 10; i++) await new ConsoleClient(throttled).signIn('ghost@example.test', `wrong-${i}`);
      const unknown = await new ConsoleClient(throttled).signIn('ghost@example.test', 'anything');
      expect(unknown.status).toBe(429);
      expect(errorOf(known).code).toBe('rate_limited');
      expect(errorOf(unknown).message).toBe(errorOf(known).message);
      // Another account from the same address is not locked by the first one's failures (the per-IP limit is higher).
      const other = await new ConsoleClient(throttled).signIn('someone-else@example.test', 'x');
      expect(other.status).toBe(401);
    } finally {
      await throttled.close();
    }
  });

  it('throttles per IP address across accounts', async () => {
    const throttled = await startTestApi();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) statuses.push((await new ConsoleClient(throttled).signIn(`user${i}@example.test`, 'x')).status);
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses[30]).toBe(429);
    } finally {
      await throttled.close();
    }
  });
});

describe('production cookie', () => {
  it('is Secure with the __Host- prefix when NODE_ENV=production', async () => {
    const prod = await startTestApi({ NODE_ENV: 'production' });
    try {
      const seeded = await seedConsoleDemo(prod);
      const client = new ConsoleClient(prod);
      const response = await client.signIn(seeded.operator.email, seeded.operator.password);
      expect(response.status).toBe(200);
      const cookie = response.setCookies[0]!;
      expect(cookie).toMatch(/^__Host-sumeru_session=/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(dataOf(await client.query('session.me')).operator.email).toBe(seeded.operator.email);
    } finally {
      await prod.close();
    }
  });
});
