import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOperator, ConsoleClient, dataOf, errorOf, seedConsoleDemo } from './console-client';
import { startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let agencyA: Awaited<ReturnType<typeof seedConsoleDemo>>;
let agencyB: Awaited<ReturnType<typeof seedConsoleDemo>>;
let ownerA: ConsoleClient;
let viewerA: ConsoleClient;

beforeAll(async () => {
  api = await startTestApi();
  agencyA = await seedConsoleDemo(api);
  agencyB = await seedConsoleDemo(api);
  ownerA = new ConsoleClient(api);
  dataOf(await ownerA.signIn(agencyA.operator.email, agencyA.operator.password));
  const viewer = await addOperator(api, agencyA.agency.id, 'viewer');
  viewerA = new ConsoleClient(api);
  dataOf(await viewerA.signIn(viewer.email, viewer.password));
});
afterAll(async () => api?.close());

describe('roles', () => {
  it('lets a viewer read but refuses every create, revoke, archive or change on the server', async () => {
    const shopId = agencyA.shops[0]!.id;
    expect(dataOf(await viewerA.query('session.me')).canWrite).toBe(false);
    expect(dataOf(await viewerA.query('agency.overview'))).toHaveLength(2);
    expect(dataOf(await viewerA.query('tokens.list', { shopId })).length).toBeGreaterThan(0);
    const token = dataOf(await viewerA.query('tokens.list', { shopId }))[0];
    const attempts: [string, unknown][] = [
      ['tokens.create', { shopId, name: 'viewer token', scopes: ['customers:read'], tier: 'free' }],
      ['tokens.revoke', { shopId, tokenId: token.id }],
      ['agency.createShop', { name: 'Viewer shop' }],
      ['agency.archiveShop', { shopId }],
      ['keys.create', { shopId }],
      ['webhooks.create', { shopId, url: 'https://hooks.example.com/x', events: ['order.created'] }],
      ['operators.invite', { email: 'new@example.test', name: 'New', role: 'member' }],
    ];
    for (const [path, input] of attempts) {
      const response = await viewerA.mutate(path, input);
      expect(response.status, path).toBe(403);
      expect(errorOf(response).code, path).toBe('forbidden');
    }
    // Nothing changed: the token is still active and no shop was added.
    const after = dataOf(await ownerA.query('tokens.list', { shopId })).find((t: any) => t.id === token.id);
    expect(after.revokedAt).toBeNull();
    expect(dataOf(await ownerA.query('agency.overview'))).toHaveLength(2);
  });

  it('lets an owner invite a member, who can then sign in and write', async () => {
    const invite = dataOf(await ownerA.mutate('operators.invite', { email: 'member-one@example.test', name: 'Member One', role: 'member' }));
    expect(invite.temporaryPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const member = new ConsoleClient(api);
    expect(dataOf(await member.signIn('member-one@example.test', invite.temporaryPassword)).operator.role).toBe('member');
    expect((await member.mutate('operators.invite', { email: 'x@example.test', name: 'X', role: 'member' })).status).toBe(403);
    expect(dataOf(await member.mutate('tokens.create', { shopId: agencyA.shops[0]!.id, name: 'member token', scopes: ['orders:read'] })).secret).toMatch(/^copt_live_/);
  });
});

describe('tenant isolation (RLS)', () => {
  it("never shows agency B's shops to agency A's operator, and treats B's ids as not found", async () => {
    const overview = dataOf(await ownerA.query('agency.overview'));
    const ids = overview.map((s: any) => s.id);
    expect(ids.sort()).toEqual(agencyA.shops.map((s) => s.id).sort());
    for (const foreign of agencyB.shops) expect(ids).not.toContain(foreign.id);

    const foreignShop = agencyB.shops[0]!.id;
    const reads: [string, unknown][] = [
      ['agency.shop', { shopId: foreignShop }],
      ['tokens.list', { shopId: foreignShop }],
      ['keys.list', { shopId: foreignShop }],
      ['customers.list', { shopId: foreignShop }],
      ['commerce.orders', { shopId: foreignShop }],
      ['commerce.products', { shopId: foreignShop }],
      ['marketing.campaigns', { shopId: foreignShop }],
      ['marketing.journeys', { shopId: foreignShop }],
      ['webhooks.list', { shopId: foreignShop }],
      ['usage.summary', { shopId: foreignShop, from: '2026-01-01', to: '2026-01-31' }],
    ];
    for (const [path, input] of reads) {
      const response = await ownerA.query(path, input);
      expect(response.status, path).toBe(404);
      expect(errorOf(response).code, path).toBe('not_found');
    }
    const writes: [string, unknown][] = [
      ['tokens.create', { shopId: foreignShop, name: 'cross-tenant', scopes: ['customers:read'] }],
      ['agency.archiveShop', { shopId: foreignShop }],
      ['keys.create', { shopId: foreignShop }],
    ];
    for (const [path, input] of writes) expect((await ownerA.mutate(path, input)).status, path).toBe(404);

    // B's operator still sees B's shops, all active.
    const ownerB = new ConsoleClient(api);
    dataOf(await ownerB.signIn(agencyB.operator.email, agencyB.operator.password));
    const bShops = dataOf(await ownerB.query('agency.overview'));
    expect(bShops.map((s: any) => s.status)).toEqual(['active', 'active']);
    expect(dataOf(await ownerB.query('tokens.list', { shopId: foreignShop })).every((t: any) => t.name !== 'cross-tenant')).toBe(true);
  });

  it("cannot read another agency's customer through its own shop id", async () => {
    const ownerB = new ConsoleClient(api);
    dataOf(await ownerB.signIn(agencyB.operator.email, agencyB.operator.password));
    const bCustomer = dataOf(await ownerB.query('customers.list', { shopId: agencyB.shops[0]!.id })).customers[0];
    const response = await ownerA.query('customers.get', { shopId: agencyA.shops[0]!.id, customerId: bCustomer.id });
    expect(response.status).toBe(404);
  });
});
