import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ingestionColumns, ingestionConstraints } from './ingestion-columns';

export type PositionPoint = { date: string; position: number };

/** Tracked search keywords with their ranking history, imported from an SEO tool. */
export const seoKeywords = pgTable(
  'seo_keywords',
  {
    ...ingestionColumns(),
    keyword: text('keyword').notNull(),
    targetUrl: text('target_url').notNull(),
    locale: text('locale').notNull().default('en'),
    position: integer('position'),
    positionHistory: jsonb('position_history').$type<PositionPoint[]>().notNull().default([]),
    searchVolume: integer('search_volume'),
    difficulty: integer('difficulty'),
  },
  (t) => ingestionConstraints('seo_keywords', t),
);
