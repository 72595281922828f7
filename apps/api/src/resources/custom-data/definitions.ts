import { z } from 'zod';
import { schema } from '@sumeru/db';
import { ZCustomFields } from '@sumeru/domain';
import { crudEndpoints } from '../crud/crud-endpoints';

const d = schema.customDataDefinitions;

export const customDataDefinitionEndpoints = crudEndpoints({
  path: 'custom-data-definitions', name: { pascal: 'CustomDataDefinition', words: 'custom data definition' }, idKind: 'customDataDefinition',
  scopes: { read: 'customers:read', write: 'customers:write' }, stability: 'beta',
  spec: {
    type: 'custom_data_definition', table: d, id: d.id, shop: d.shopId, defaultSort: 'key',
    attributes: {
      external_id: { column: d.externalId, kind: 'string', filter: true, write: z.string() },
      key: { column: d.key, kind: 'string', filter: true, sort: true, write: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _') },
      name: { column: d.name, kind: 'string', filter: true, sort: true, write: z.string().trim().min(1).max(200) },
      fields: { column: d.fields, kind: 'json', write: ZCustomFields },
      created_at: { column: d.createdAt, kind: 'datetime', filter: 'range', sort: true },
      updated_at: { column: d.updatedAt, kind: 'datetime', filter: 'range', sort: true },
    },
  },
});
