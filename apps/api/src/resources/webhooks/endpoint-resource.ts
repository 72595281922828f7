import { z } from 'zod';
import { schema } from '@sumeru/db';
import { WEBHOOK_EVENT_TYPES } from '@sumeru/domain';
import type { ResourceSpec } from '../../listing/resource-spec';
import { createSerializer } from '../../listing/serialize';

const w = schema.webhookEndpoints;

export const webhookEndpointSpec: ResourceSpec = {
  type: 'webhook_endpoint',
  table: w,
  id: w.id,
  shop: w.shopId,
  defaultSort: '-created_at',
  attributes: {
    url: { column: w.url, kind: 'string', filter: true, write: z.string().max(2000) },
    description: { column: w.description, kind: 'string', write: z.string().max(500).nullable().optional() },
    events: { column: w.events, kind: 'string[]', filter: true, write: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length).transform((e) => [...new Set(e)]) },
    enabled: { column: w.enabled, kind: 'boolean', filter: true, write: z.boolean().optional() },
    disabled_reason: { column: w.disabledReason, kind: 'string' },
    failing_since: { column: w.failingSince, kind: 'datetime' },
    previous_secret_expires_at: { column: w.previousSecretExpiresAt, kind: 'datetime' },
    created_at: { column: w.createdAt, kind: 'datetime', filter: 'range', sort: true },
    updated_at: { column: w.updatedAt, kind: 'datetime', filter: 'range', sort: true },
  },
};

export const serializeWebhookEndpoint = createSerializer(webhookEndpointSpec);
