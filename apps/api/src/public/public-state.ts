import type { Response } from 'express';
import type { RateLimitDecision } from '@sumeru/rate-limit';
import type { PublicCaller } from './public-caller';

/** What the storefront pipeline learns about a request, beside the shared request state. */
export type PublicState = { caller?: PublicCaller; decision?: RateLimitDecision };

export const publicState = (res: Response): PublicState => {
  const locals = res.locals as { sumeruPublic?: PublicState };
  locals.sumeruPublic ??= {};
  return locals.sumeruPublic;
};
