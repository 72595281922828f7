import type { Request, Response } from 'express';
import type { TierName } from '@sumeru/rate-limit';
import type { Logger } from '../logger';

export type AuthedToken = {
  id: string;
  shopId: string;
  agencyId: string;
  scopes: string[];
  tier: TierName;
};

/** What the pipeline learns about a request, kept in `res.locals` under one typed key. */
export type RequestState = {
  requestId: string;
  log: Logger;
  route?: string;
  token?: AuthedToken;
  rateLimitHeaders?: Record<string, string>;
  rateLimited?: boolean;
};

export const state = (res: Response): RequestState => res.locals.sumeru as RequestState;

export const requestState = (req: Request): RequestState => state(req.res as Response);
