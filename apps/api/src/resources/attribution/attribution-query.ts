import { z } from 'zod';
import { ATTRIBUTION_MODELS, DEFAULT_HALF_LIFE_DAYS, DEFAULT_LOOKBACK_DAYS } from '@sumeru/domain';
import { zodToValidationError } from '../../listing/attributes';

const ZNumber = (min: number, max: number, fallback: number) =>
  z.string().regex(/^\d{1,3}$/, 'must be a whole number').transform(Number).pipe(z.number().min(min).max(max)).default(fallback);

/** `/attribution` takes filter[date_from|date_to|model|lookback_days|half_life_days], limit, cursor, include. */
const ZAttributionQuery = z.strictObject({
  limit: z.string().optional(),
  cursor: z.string().optional(),
  include: z.string().optional(),
  filter: z
    .strictObject({
      date_from: z.string().optional(),
      date_to: z.string().optional(),
      model: z.enum(ATTRIBUTION_MODELS).default('last_touch'),
      lookback_days: ZNumber(1, 365, DEFAULT_LOOKBACK_DAYS),
      half_life_days: ZNumber(1, 90, DEFAULT_HALF_LIFE_DAYS),
    })
    .default({ model: 'last_touch', lookback_days: DEFAULT_LOOKBACK_DAYS, half_life_days: DEFAULT_HALF_LIFE_DAYS }),
});

export type AttributionQuery = z.infer<typeof ZAttributionQuery>;

export const parseAttributionQuery = (query: unknown): AttributionQuery => {
  const parsed = ZAttributionQuery.safeParse(query);
  if (!parsed.success) {
    const err = zodToValidationError(parsed.error);
    // Name nested query fields as a client writes them: filter[model], not filter.model.
    const field = String(err.details.field ?? '').replace(/^filter\.(\w+)$/, 'filter[$1]');
    throw Object.assign(err, { details: { ...err.details, field } });
  }
  return parsed.data;
};

/** The order-list query that pages the orders being attributed (same cursor rules as /orders). */
export const orderPageQuery = (q: AttributionQuery): Record<string, unknown> => ({
  ...(q.limit !== undefined ? { limit: q.limit } : {}),
  ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
  filter: {
    status: 'paid,fulfilled',
    ...(q.filter.date_from ? { date_from: q.filter.date_from } : {}),
    ...(q.filter.date_to ? { date_to: q.filter.date_to } : {}),
  },
  sort: '-placed_at',
});
