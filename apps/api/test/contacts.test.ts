import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createToken } from '@sumeru/testing';
import { call, expectEnvelope, startTestApi, type TestApi } from './helpers/test-api';

let api: TestApi;
let token: string;
let otherToken: string;

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTenant(api.deps.db, 2);
  token = (await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[0]! })).token;
  otherToken = (await createToken(api.deps.db, { agencyId: tenant.agencyId, shopId: tenant.shopIds[1]! })).token;
});

afterAll(async () => {
  await api.close();
});

const bulk = (path: string, data: unknown[], t = token) => call(api, `/api/v1/${path}/bulk`, { token: t, method: 'POST', body: { data } });

describe('consent history', () => {
  it('records every consent change, whatever writes it, and nothing when consent stays', async () => {
    const created = await bulk('contacts', [{ external_id: 'k1', email: 'k1@example.com', email_consent: 'subscribed', consent_source: 'checkout' }]);
    const id = created.body.data.items[0].id;
    await bulk('contacts', [{ external_id: 'k1', first_name: 'Kim' }]);
    await bulk('contacts', [{ external_id: 'k1', email_consent: 'unsubscribed', sms_consent: 'subscribed', consent_source: 'preference centre' }]);
    const history = await call(api, `/api/v1/contacts/${id}/consent-history`, { token });
    expect(history.status).toBe(200);
    const events = history.body.data.map((e: any) => [e.attributes.channel, e.attributes.status, e.attributes.source]);
    expect(events.sort()).toEqual([
      ['email', 'subscribed', 'checkout'],
      ['email', 'unsubscribed', 'preference centre'],
      ['sms', 'subscribed', 'preference centre'],
    ]);
    expect(history.body.data[0].id).toMatch(/^cce_/);
    expectEnvelope(await call(api, `/api/v1/contacts/${id}/consent-history`, { token: otherToken }), 404, 'not_found');
  });
});

describe('lists', () => {
  it('adds members by id or external id, pages them, and removes them idempotently', async () => {
    const contacts = (await bulk('contacts', [1, 2, 3].map((n) => ({ external_id: `m${n}`, email: `m${n}@example.com` })))).body.data.items;
    const foreign = (await bulk('contacts', [{ external_id: 'f1', email: 'f1@example.com' }], otherToken)).body.data.items[0].id;
    const list = (await bulk('lists', [{ external_id: 'news', name: 'Newsletter' }])).body.data.items[0].id;
    const added = await call(api, `/api/v1/lists/${list}/members`, {
      token, method: 'POST',
      body: { data: [{ contact_id: contacts[0].id }, { contact_external_id: 'm2' }, { contact_id: foreign }, { contact_external_id: 'm3' }, { contact_id: contacts[0].id }] },
    });
    expect(added.body.data).toMatchObject({ sent_count: 4, rejected_count: 1, rejected_items: [{ index: 2 }] });
    const page1 = await call(api, `/api/v1/lists/${list}/members?limit=2`, { token });
    const page2 = await call(api, `/api/v1/lists/${list}/members?limit=2&cursor=${page1.body.pagination.next_cursor}`, { token });
    const ids = [...page1.body.data, ...page2.body.data].map((c: any) => c.id);
    expect(ids.sort()).toEqual(contacts.map((c: any) => c.id).sort());
    expect(page2.body.pagination.has_next).toBe(false);
    expect((await call(api, `/api/v1/lists/${list}/members/${contacts[1].id}`, { token, method: 'DELETE' })).status).toBe(204);
    expect((await call(api, `/api/v1/lists/${list}/members/${contacts[1].id}`, { token, method: 'DELETE' })).status).toBe(204);
    expect((await call(api, `/api/v1/lists/${list}/members`, { token })).body.data).toHaveLength(2);
    expectEnvelope(await call(api, `/api/v1/lists/${list}/members`, { token: otherToken }), 404, 'not_found');
    expect(expectEnvelope(await call(api, `/api/v1/lists/${list}/members?cursor=forged`, { token }), 422, 'validation_failed').details.field).toBe('cursor');
  });
});
