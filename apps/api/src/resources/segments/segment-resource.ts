import { z } from 'zod';
import { schema } from '@sumeru/db';
import { ZSegmentDefinition } from '@sumeru/domain';
import { createSerializer } from '../../listing/serialize';
import type { ResourceSpec } from '../../listing/resource-spec';

const s = schema.segments;

/** Segments are campaign audiences, so they share the campaigns scopes. */
export const segmentSpec: ResourceSpec = {
  type: 'segment',
  table: s,
  id: s.id,
  shop: s.shopId,
  defaultSort: '-created_at',
  attributes: {
    name: { column: s.name, kind: 'string', filter: true, sort: true, write: z.string().trim().min(1).max(200) },
    description: { column: s.description, kind: 'string', write: z.string().trim().max(2000).nullable().optional() },
    definition: { column: s.definition, kind: 'json', write: ZSegmentDefinition },
    created_at: { column: s.createdAt, kind: 'datetime', filter: 'range', sort: true },
    updated_at: { column: s.updatedAt, kind: 'datetime', filter: 'range', sort: true },
  },
};

export const serializeSegment = createSerializer(segmentSpec);
