import { z } from 'zod';
import { schema } from '@sumeru/db';
import { CURRENCIES } from '@sumeru/domain';
import { crudEndpoints } from '../crud/crud-endpoints';

const t = schema.carts;
const ZPrice = z.number().nonnegative().max(1e9);

export const cartEndpoints = crudEndpoints({
  path: 'carts',
  name: { pascal: 'Cart', words: 'cart' },
  idKind: 'cart',
  scopes: { read: 'orders:read', write: 'orders:write' },
  stability: 'beta',
  spec: {
    type: 'cart',
    table: t,
    id: t.id,
    shop: t.shopId,
    defaultSort: '-updated_at',
    attributes: {
      external_id: { column: t.externalId, kind: 'string', filter: true, write: z.string() },
      customer_external_id: { column: t.customerExternalId, kind: 'string', filter: true, write: z.string().max(255).nullable().optional() },
      email: { column: t.email, kind: 'string', filter: true, write: z.email().max(254).nullable().optional() },
      currency: { column: t.currency, kind: 'string', write: z.enum(CURRENCIES) },
      total: { column: t.total, kind: 'money', filter: 'range', sort: true, write: ZPrice },
      items: {
        column: t.items,
        kind: 'json',
        write: z.array(z.strictObject({ sku: z.string().min(1).max(100), title: z.string().max(300).optional(), quantity: z.number().int().positive().max(10_000), unit_price: ZPrice })).max(500),
      },
      status: { column: t.status, kind: 'string', filter: true, write: z.enum(['open', 'abandoned', 'converted']).optional() },
      abandoned_at: { column: t.abandonedAt, kind: 'datetime', filter: 'range', sort: true, write: z.iso.datetime({ offset: true }).nullable().optional() },
      recovery_url: { column: t.recoveryUrl, kind: 'string', write: z.url({ protocol: /^https$/ }).max(2000).nullable().optional() },
      created_at: { column: t.createdAt, kind: 'datetime', filter: 'range', sort: true },
      updated_at: { column: t.updatedAt, kind: 'datetime', filter: 'range', sort: true },
    },
  },
});
