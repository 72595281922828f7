import { z } from 'zod';
import { schema } from '@sumeru/db';
import { crudEndpoints } from '../crud/crud-endpoints';

const t = schema.customerGroups;

export const customerGroupEndpoints = crudEndpoints({
  path: 'customer-groups',
  name: { pascal: 'CustomerGroup', words: 'customer group' },
  idKind: 'customerGroup',
  scopes: { read: 'customers:read', write: 'customers:write' },
  stability: 'beta',
  spec: {
    type: 'customer_group',
    table: t,
    id: t.id,
    shop: t.shopId,
    defaultSort: 'name',
    attributes: {
      external_id: { column: t.externalId, kind: 'string', filter: true, write: z.string() },
      name: { column: t.name, kind: 'string', filter: true, sort: true, write: z.string().trim().min(1).max(200) },
      description: { column: t.description, kind: 'string', write: z.string().max(5000).nullable().optional() },
      created_at: { column: t.createdAt, kind: 'datetime', filter: 'range', sort: true },
      updated_at: { column: t.updatedAt, kind: 'datetime', filter: 'range', sort: true },
    },
  },
});
