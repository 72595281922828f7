import { z } from 'zod';
import { schema } from '@sumeru/db';
import { crudEndpoints } from '../crud/crud-endpoints';

const t = schema.seoKeywords;

/** SEO intelligence: read with analytics:read as the seeds say; importing needs analytics:write. */
export const seoKeywordEndpoints = crudEndpoints({
  path: 'seo-intelligence/keywords',
  name: { pascal: 'SeoKeyword', words: 'SEO keyword' },
  idKind: 'keyword',
  scopes: { read: 'analytics:read', write: 'analytics:write' },
  stability: 'stable',
  spec: {
    type: 'seo_keyword',
    table: t,
    id: t.id,
    shop: t.shopId,
    defaultSort: '-search_volume',
    attributes: {
      external_id: { column: t.externalId, kind: 'string', filter: true, write: z.string() },
      keyword: { column: t.keyword, kind: 'string', filter: true, sort: true, write: z.string().trim().min(1).max(300) },
      target_url: { column: t.targetUrl, kind: 'string', filter: true, write: z.url({ protocol: /^https?$/ }).max(2000) },
      locale: { column: t.locale, kind: 'string', filter: true, write: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale like en or de-DE').optional() },
      position: { column: t.position, kind: 'integer', filter: 'range', sort: true, write: z.number().int().min(1).max(1000).nullable().optional() },
      position_history: {
        column: t.positionHistory,
        kind: 'json',
        write: z.array(z.strictObject({ date: z.iso.date(), position: z.number().int().min(1).max(1000) })).max(1000).optional(),
      },
      search_volume: { column: t.searchVolume, kind: 'integer', filter: 'range', sort: true, write: z.number().int().min(0).max(1e9).nullable().optional() },
      difficulty: { column: t.difficulty, kind: 'integer', filter: 'range', sort: true, write: z.number().int().min(0).max(100).nullable().optional() },
      created_at: { column: t.createdAt, kind: 'datetime', filter: 'range', sort: true },
      updated_at: { column: t.updatedAt, kind: 'datetime', filter: 'range', sort: true },
    },
  },
});
