import { z } from 'zod';

const DECIMAL = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/**
 * A non-negative amount with at most 2 decimals, as providers send it (Shopify: `"19.90"`,
 * marketplaces: `19.9`), turned into minor units through its text, never float arithmetic.
 */
export const ZAmountMinor = z
  .union([z.number().nonnegative(), z.string().trim()])
  .transform((value, ctx) => {
    const text = typeof value === 'number' ? String(value) : value;
    const match = DECIMAL.exec(text);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: 'must be a non-negative decimal amount with at most 2 decimals' });
      return z.NEVER;
    }
    return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  });

/** Provider ids arrive as JSON numbers (Shopify) or strings; they are kept as text. */
export const ZProviderId = z.union([
  z.number().int().nonnegative().transform(String),
  z.string().trim().min(1).max(200).regex(/^[\w.:-]+$/, 'ids hold letters, digits and . _ : -'),
]);
