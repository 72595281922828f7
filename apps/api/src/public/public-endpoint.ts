import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Tx } from '@sumeru/db';
import type { ApiDeps } from '../deps';
import type { Logger } from '../logger';
import type { EndpointResult, Stability } from '../pipeline/endpoint';
import type { PublicCaller } from './public-caller';
import type { RateClass } from './public-rate-limit';

export type PublicContext<P, Q, B> = {
  req: Request;
  res: Response;
  requestId: string;
  log: Logger;
  caller: PublicCaller;
  /** The request's tenant transaction for the caller's shop (RLS on); committed after the handler. */
  tx: Tx;
  deps: ApiDeps;
  params: P;
  query: Q;
  body: B;
};

/**
 * One storefront operation, declared once like the admin endpoints (same field names, so the
 * OpenAPI builder can read them), with what differs on this surface: no scopes, a rate class
 * and a body cap per route.
 */
export type PublicEndpoint<P = unknown, Q = unknown, B = unknown> = {
  operationId: string;
  method: 'get' | 'post';
  /** Relative to /api/public, Express syntax. */
  path: string;
  summary: string;
  description?: string;
  stability: Stability;
  scope: null;
  rateClass: RateClass;
  bodyLimitBytes?: number;
  acceptsTextPlain?: boolean;
  params?: z.ZodType<P>;
  /** Validated strictly after the auth parameters `key` and `shop` are taken out. */
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  successStatus?: number;
  requestSchema?: z.ZodType;
  responseSchema?: z.ZodType;
  /** What a 404 means when the body (not the path) names a resource, e.g. the product of a review. */
  notFound?: string;
  handler: (ctx: PublicContext<P, Q, B>) => Promise<EndpointResult>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPublicEndpoint = PublicEndpoint<any, any, any>;

export const definePublicEndpoint = <P = Record<string, never>, Q = Record<string, never>, B = undefined>(e: PublicEndpoint<P, Q, B>): PublicEndpoint<P, Q, B> => e;
