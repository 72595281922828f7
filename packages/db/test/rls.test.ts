import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@sumeru/domain';
import { hashSecret } from '@sumeru/auth';
import { closeDatabase, createDatabase, withAgency, withShop, withTenant, type Database } from '../src/index';
import { apiTokens, customers, orders } from '../src/schema/index';
import { openTestDatabase, type OpenTestDatabase } from '../src/testing';
import { pgMessage, seedTwoShops, type TwoShops } from './fixtures';

let testDb: OpenTestDatabase;
let db: Database;
let t: TwoShops;

beforeAll(async () => {
  testDb = await openTestDatabase(4);
  db = testDb.db;
  t = await seedTwoShops(db, 3);
});

afterAll(async () => {
  await testDb.close();
});

const rowsOf = <T>(result: T[] | { rows?: T[] }): T[] => (Array.isArray(result) ? result : (result.rows ?? []));

describe('the application role', () => {
  it('is neither superuser, BYPASSRLS nor owner of any table', async () => {
    const [role] = await db.$client`select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = 'sumeru_app'`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const owned = await db.$client`select tablename from pg_tables where schemaname = 'public' and tableowner = 'sumeru_app'`;
    expect(owned).toHaveLength(0);
  });

  it('is the role every tenant transaction runs as', async () => {
    const result = await withShop(db, t.shopA, (tx) => tx.execute(sql`select current_user as who`));
    expect(rowsOf(result as never)[0]).toEqual({ who: 'sumeru_app' });
  });
});

describe('the catalogue', () => {
  it('has RLS enabled and forced on every table with a shop_id, each with USING and WITH CHECK', async () => {
    const tables = await db.$client`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity,
        exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polqual is not null and p.polwithcheck is not null) as guarded
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'shop_id' and not a.attisdropped)`;
    expect(tables.length).toBeGreaterThanOrEqual(9);
    for (const table of tables) {
      expect(table, String(table.relname)).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true, guarded: true });
    }
  });

  it('has RLS forced on every other public table too', async () => {
    const open = await db.$client`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not (c.relrowsecurity and c.relforcerowsecurity)`;
    expect(open.map((r) => r.relname)).toEqual([]);
  });

  it('leads every index of a tenant table with shop_id, except primary and global lookup keys', async () => {
    const indexes = await db.$client`
      select i.indexrelid::regclass::text as name, a.attname as first_column
      from pg_index i
      join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
      where n.nspname = 'public' and not i.indisprimary
        and exists (select 1 from pg_attribute s where s.attrelid = c.oid and s.attname = 'shop_id')`;
    const allowed = new Set(['api_tokens_hash_key', 'publishable_keys_key_key', 'customers_tags_idx', 'idempotency_keys_created_idx']);
    const offenders = indexes.filter((i) => i.first_column !== 'shop_id' && !allowed.has(String(i.name)));
    expect(offenders).toEqual([]);
  });
});

describe('isolation', () => {
  it('sees no rows and can insert nothing when no tenant is set', async () => {
    const rows = await withTenant(db, {}, (tx) => tx.select().from(customers));
    expect(rows).toEqual([]);
    expect(await pgMessage(
      withTenant(db, {}, (tx) => tx.insert(customers).values({ id: newId('customer'), agencyId: t.agencyId, shopId: t.shopA })),
    )).toMatch(/row-level security/);
  });

  it('rejects a write carrying another shop id', async () => {
    expect(await pgMessage(
      withShop(db, t.shopA, (tx) => tx.insert(customers).values({ id: newId('customer'), agencyId: t.agencyId, shopId: t.shopB })),
    )).toMatch(/row-level security/);
    expect(await pgMessage(
      withShop(db, t.shopA, (tx) => tx.update(customers).set({ shopId: t.shopB })),
    )).toMatch(/row-level security/);
  });

  it('cannot touch another shop’s rows by id', async () => {
    const [victim] = await withShop(db, t.shopB, (tx) => tx.select().from(customers).limit(1));
    const updated = await withShop(db, t.shopA, (tx) =>
      tx.update(customers).set({ firstName: 'pwned' }).where(sql`id = ${victim!.id}`).returning(),
    );
    expect(updated).toEqual([]);
    const deleted = await withShop(db, t.shopA, (tx) => tx.delete(customers).where(sql`id = ${victim!.id}`).returning());
    expect(deleted).toEqual([]);
  });

  it('returns only the current shop’s rows with the WHERE clause on the shop removed', async () => {
    const rows = await withShop(db, t.shopA, (tx) => tx.select().from(customers));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.shopId))).toEqual(new Set([t.shopA]));
    const [count] = await withShop(db, t.shopA, (tx) => tx.execute(sql`select count(*)::int as n from customers`)).then((r) => rowsOf(r as never) as { n: number }[]);
    expect(count).toEqual({ n: 3 });
  });

  it('leaks nothing through a pool of one connection alternating two shops', async () => {
    const single = createDatabase({ url: testDb.url, poolSize: 1 });
    try {
      for (let i = 0; i < 20; i++) {
        const shopId = i % 2 === 0 ? t.shopA : t.shopB;
        const rows = await withShop(single, shopId, (tx) => tx.select({ shopId: customers.shopId }).from(customers));
        expect(rows.length).toBe(3);
        expect(rows.every((r) => r.shopId === shopId)).toBe(true);
      }
      // Outside a transaction the connection carries neither the role nor the tenant.
      const [after] = await single.$client`select current_user as who, current_setting('app.shop_id', true) as shop`;
      expect(after!.who).not.toBe('sumeru_app');
      expect(after!.shop ?? '').toBe('');
    } finally {
      await closeDatabase(single);
    }
  });

  it('rejects an order pointing at another shop’s customer', async () => {
    const [foreign] = await withShop(db, t.shopB, (tx) => tx.select().from(customers).limit(1));
    expect(await pgMessage(
      withShop(db, t.shopA, (tx) =>
        tx.insert(orders).values({
          id: newId('order'), agencyId: t.agencyId, shopId: t.shopA, customerId: foreign!.id,
          number: '1001', subtotal: '10.00', total: '10.00', placedAt: new Date(),
        }),
      ),
    )).toMatch(/foreign key/);
  });

  it('lets the agency read across its shops but not write', async () => {
    const rows = await withAgency(db, t.agencyId, (tx) => tx.select().from(customers));
    expect(rows).toHaveLength(6);
    expect(await pgMessage(
      withAgency(db, t.agencyId, (tx) => tx.insert(customers).values({ id: newId('customer'), agencyId: t.agencyId, shopId: t.shopA })),
    )).toMatch(/row-level security/);
    const other = await withAgency(db, newId('agency'), (tx) => tx.select().from(customers));
    expect(other).toEqual([]);
  });

  it('finds a token by the hash of its secret and nothing else', async () => {
    const hash = hashSecret('copt_live_example');
    await withShop(db, t.shopA, (tx) =>
      tx.insert(apiTokens).values({ id: newId('token'), agencyId: t.agencyId, shopId: t.shopA, name: 't', tokenHash: hash, prefix: 'copt_live_', lastFour: 'mple', scopes: ['customers:read'] }),
    );
    const found = await withTenant(db, { tokenHash: hash }, (tx) => tx.select().from(apiTokens));
    expect(found).toHaveLength(1);
    const none = await withTenant(db, { tokenHash: hashSecret('other') }, (tx) => tx.select().from(apiTokens));
    expect(none).toEqual([]);
  });
});
