import { z } from 'zod';

/** Money as the API takes it: a non-negative decimal with at most two places. */
export const ZOfferAmount = z
  .number()
  .nonnegative()
  .max(1e9)
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'at most 2 decimals');

export const ZProductIds = (min: number, max: number) =>
  z.array(z.string().min(1).max(64)).min(min).max(max).refine((ids) => new Set(ids).size === ids.length, 'product ids must be distinct');

/** A percentage discount is at most 100; the storefront never prices below zero either way. */
export const ZDiscountType = z.enum(['percentage', 'fixed_amount']);
