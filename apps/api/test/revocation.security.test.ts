import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeApiToken, withShop } from '@sumeru/db';
import { createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let one: TestApi;
let two: TestApi;

beforeAll(async () => {
  // Two replicas with the default configuration (token cache 1 s) over one database.
  one = await startTestApi();
  two = await startTestApi({}, { database: one.database });
});

afterAll(async () => {
  await two.stop();
  await one.close();
});

describe('revocation', () => {
  it('takes effect on every replica within one second', async () => {
    expect(one.deps.config.TOKEN_CACHE_MS).toBe(1000);
    const tenant = await createTenant(one.deps.db, 1);
    const shop = { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! };
    const issued = await createToken(one.deps.db, shop);
    // Both replicas have the token cached as valid.
    expect((await call(one, '/api/v1/customers', { token: issued.token })).status).toBe(200);
    expect((await call(two, '/api/v1/customers', { token: issued.token })).status).toBe(200);
    await withShop(one.deps.db, shop.shopId, (tx) => revokeApiToken(tx, issued.id));
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expectEnvelope(await call(one, '/api/v1/customers', { token: issued.token }), 401, 'unauthenticated');
    expectEnvelope(await call(two, '/api/v1/customers', { token: issued.token }), 401, 'unauthenticated');
  });
});
