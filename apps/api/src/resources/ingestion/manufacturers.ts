import { z } from 'zod';
import { schema } from '@sumeru/db';
import { crudEndpoints } from '../crud/crud-endpoints';

const t = schema.manufacturers;

export const manufacturerEndpoints = crudEndpoints({
  path: 'manufacturers',
  name: { pascal: 'Manufacturer', words: 'manufacturer' },
  idKind: 'manufacturer',
  scopes: { read: 'products:read', write: 'products:write' },
  stability: 'beta',
  spec: {
    type: 'manufacturer',
    table: t,
    id: t.id,
    shop: t.shopId,
    defaultSort: 'name',
    attributes: {
      external_id: { column: t.externalId, kind: 'string', filter: true, write: z.string() },
      name: { column: t.name, kind: 'string', filter: true, sort: true, write: z.string().trim().min(1).max(200) },
      website: { column: t.website, kind: 'string', write: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional() },
      created_at: { column: t.createdAt, kind: 'datetime', filter: 'range', sort: true },
      updated_at: { column: t.updatedAt, kind: 'datetime', filter: 'range', sort: true },
    },
  },
});
