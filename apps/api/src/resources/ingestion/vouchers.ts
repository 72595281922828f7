import { z } from 'zod';
import { schema } from '@sumeru/db';
import { CURRENCIES } from '@sumeru/domain';
import { crudEndpoints } from '../crud/crud-endpoints';

const t = schema.vouchers;
const ZAmount = z.number().nonnegative().max(1e9).refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'at most 2 decimals');

export const voucherEndpoints = crudEndpoints({
  path: 'vouchers',
  name: { pascal: 'Voucher', words: 'voucher' },
  idKind: 'voucher',
  scopes: { read: 'orders:read', write: 'orders:write' },
  stability: 'beta',
  spec: {
    type: 'voucher',
    table: t,
    id: t.id,
    shop: t.shopId,
    defaultSort: '-created_at',
    attributes: {
      external_id: { column: t.externalId, kind: 'string', filter: true, write: z.string() },
      code: { column: t.code, kind: 'string', filter: true, sort: true, write: z.string().trim().min(3).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _') },
      description: { column: t.description, kind: 'string', write: z.string().max(2000).nullable().optional() },
      discount_type: { column: t.discountType, kind: 'string', filter: true, write: z.enum(['percentage', 'fixed_amount', 'free_shipping']) },
      amount: { column: t.amount, kind: 'money', filter: 'range', write: ZAmount.optional() },
      currency: { column: t.currency, kind: 'string', write: z.enum(CURRENCIES).nullable().optional() },
      minimum_order: { column: t.minimumOrder, kind: 'money', write: ZAmount.nullable().optional() },
      starts_at: { column: t.startsAt, kind: 'datetime', filter: 'range', sort: true, write: z.iso.datetime({ offset: true }).nullable().optional() },
      ends_at: { column: t.endsAt, kind: 'datetime', filter: 'range', sort: true, write: z.iso.datetime({ offset: true }).nullable().optional() },
      usage_limit: { column: t.usageLimit, kind: 'integer', write: z.number().int().positive().nullable().optional() },
      times_used: { column: t.timesUsed, kind: 'integer' },
      customer_external_id: { column: t.customerExternalId, kind: 'string', filter: true, write: z.string().max(255).nullable().optional() },
      active: { column: t.active, kind: 'boolean', filter: true, write: z.boolean().optional() },
      created_at: { column: t.createdAt, kind: 'datetime', filter: 'range', sort: true },
      updated_at: { column: t.updatedAt, kind: 'datetime', filter: 'range', sort: true },
    },
  },
});
