import { describe, expect, it } from 'vitest';
import type { Scope } from '@sumeru/auth';
import { generateSecret } from '@sumeru/auth';
import { revokeApiToken, withShop } from '@sumeru/db';
import { createToken } from '@sumeru/testing';
import { call, expectEnvelope, type TestApi } from './test-api';

export type RouteCase = {
  operationId: string;
  method: string;
  /** Built lazily: ids exist only after beforeAll. */
  path: () => string;
  body?: unknown;
  scope: Scope | null;
  /** The path names another shop's resource: the shop's own token must get 404. */
  foreign?: boolean;
};

type Setup = () => { api: TestApi; shop: { agencyId: string; shopId: string }; limitedApi: TestApi };

/**
 * The checks every admin route must pass (after Unkey's runCommonRouteTests): no token, bad
 * token, publishable key, revoked token, missing scope, another shop's id, rate limited.
 */
export const runCommonRouteTests = (routes: RouteCase[], setup: Setup) => {
  for (const route of routes) {
    describe(`${route.method} ${route.operationId}`, () => {
      const send = (api: TestApi, token?: string, headers?: Record<string, string>) =>
        call(api, route.path(), { method: route.method, ...(token ? { token } : {}), ...(route.body !== undefined ? { body: route.body } : {}), ...(headers ? { headers } : {}) });

      it('401 without a token, with a malformed or unknown token, or with a publishable key', async () => {
        const { api } = setup();
        expectEnvelope(await send(api), 401, 'unauthenticated');
        expectEnvelope(await send(api, undefined, { authorization: 'Basic dXNlcjpwYXNz' }), 401, 'unauthenticated');
        expectEnvelope(await send(api, 'copt_live_short'), 401, 'unauthenticated');
        expectEnvelope(await send(api, generateSecret('admin_token').secret), 401, 'unauthenticated');
        const pk = expectEnvelope(await send(api, generateSecret('publishable_key').secret), 401, 'unauthenticated');
        expect(pk.message).toMatch(/public/);
      });

      it('401 within a second of revocation', async () => {
        const { api, shop } = setup();
        const issued = await createToken(api.deps.db, shop, { scopes: route.scope ? [route.scope] : ['analytics:read'] });
        const before = await send(api, issued.token);
        expect(before.status).not.toBe(401);
        await withShop(api.deps.db, shop.shopId, (tx) => revokeApiToken(tx, issued.id));
        // The token cache bounds how long a revoked token works: wait out this app's TTL (≤ 1 s).
        await new Promise((resolve) => setTimeout(resolve, api.deps.config.TOKEN_CACHE_MS + 100));
        expectEnvelope(await send(api, issued.token), 401, 'unauthenticated');
      });

      if (route.scope) {
        it(`403 naming ${route.scope} when the token lacks it`, async () => {
          const { api, shop } = setup();
          const other = route.scope!.startsWith('analytics') ? 'products:write' : 'analytics:read';
          const issued = await createToken(api.deps.db, shop, { scopes: [other as Scope] });
          const error = expectEnvelope(await send(api, issued.token), 403, 'forbidden');
          expect(error.details.missing_scope).toBe(route.scope);
        });
      } else {
        it('works with a token of any scope', async () => {
          const { api, shop } = setup();
          const issued = await createToken(api.deps.db, shop, { scopes: ['analytics:read'] });
          expect((await send(api, issued.token)).status).toBe(200);
        });
      }

      if (route.foreign) {
        it('404 for another shop’s id, indistinguishable from a missing one', async () => {
          const { api, shop } = setup();
          const issued = await createToken(api.deps.db, shop);
          const res = await send(api, issued.token);
          expectEnvelope(res, 404, 'not_found');
        });
      }

      it('429 with Retry-After once the tier’s limit is spent', async () => {
        const { limitedApi, shop } = setup();
        const issued = await createToken(limitedApi.deps.db, shop, { tier: 'free' });
        for (let i = 0; i < 3; i++) expect((await send(limitedApi, issued.token)).status).not.toBe(429);
        const res = await send(limitedApi, issued.token);
        const error = expectEnvelope(res, 429, 'rate_limited');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(error.details.retry_after).toBe(Number(res.headers.get('retry-after')));
        expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
        expect(res.headers.get('x-ratelimit-limit')).toBe('3');
      });
    });
  }
};

