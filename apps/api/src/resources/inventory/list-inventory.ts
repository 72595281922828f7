import type { schema } from '@sumeru/db';
import { listBody, parseListQuery, runList } from '../../listing/list-query';
import { defineEndpoint } from '../../pipeline/endpoint';
import { inventorySpec, serializeInventory } from './inventory-resource';

type LevelRow = typeof schema.inventoryLevels.$inferSelect;

export const listInventory = defineEndpoint<Record<string, never>, Record<string, unknown>>({
  operationId: 'listInventory',
  method: 'get',
  path: '/inventory',
  summary: 'List inventory levels',
  scope: 'products:read',
  stability: 'stable',
  query: 'raw',
  resource: inventorySpec,
  handler: async ({ tx, query, token, deps }) => {
    const plan = parseListQuery(inventorySpec, query, { includes: [], secret: deps.secret, shopId: token.shopId });
    const page = await runList<LevelRow>(tx, inventorySpec, plan, deps.secret);
    return { status: 200, body: listBody(page.rows.map((row) => serializeInventory(row, plan)), page.nextCursor) };
  },
});
