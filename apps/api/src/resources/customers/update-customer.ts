import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordEvent, schema } from '@sumeru/db';
import { parseWritableAttributes } from '../../listing/attributes';
import { defineEndpoint } from '../../pipeline/endpoint';
import { CUSTOMER_WRITE_COLUMNS, customerSpec, serializeCustomer } from './customer-resource';
import { findCustomerOr404 } from './find-customer';

export const updateCustomer = defineEndpoint<{ id: string }, Record<string, never>, unknown>({
  operationId: 'updateCustomer',
  method: 'patch',
  path: '/customers/:id',
  summary: 'Update a customer',
  scope: 'customers:write',
  stability: 'stable',
  params: z.object({ id: z.string() }),
  query: z.strictObject({}),
  body: z.unknown(),
  resource: customerSpec,
  handler: async ({ tx, params, body, token }) => {
    const attributes = parseWritableAttributes(customerSpec, body, 'update');
    await findCustomerOr404(tx, params.id);
    const changes: Record<string, unknown> = { updatedAt: new Date() };
    for (const [name, value] of Object.entries(attributes)) changes[CUSTOMER_WRITE_COLUMNS[name]!] = value;
    const [row] = await tx.update(schema.customers).set(changes).where(eq(schema.customers.id, params.id)).returning();
    const data = serializeCustomer(row!);
    await recordEvent(tx, token, 'customer.updated', data);
    return { status: 200, body: { data } };
  },
});
