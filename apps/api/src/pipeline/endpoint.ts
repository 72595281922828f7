import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Scope } from '@sumeru/auth';
import type { Tx } from '@sumeru/db';
import type { ApiDeps } from '../deps';
import type { AuthedToken } from '../http/request-context';
import type { ResourceSpec } from '../listing/resource-spec';
import type { Logger } from '../logger';

export type Stability = 'stable' | 'beta' | 'experimental' | 'deprecated';
export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';
/** What an operation does, as the OpenAPI document presents it (request and response shapes). */
export type OperationKind = 'list' | 'get' | 'create' | 'update' | 'delete' | 'bulk' | 'action';

export type EndpointContext<P, Q, B> = {
  req: Request;
  res: Response;
  requestId: string;
  log: Logger;
  token: AuthedToken;
  /** The request's tenant transaction: RLS on, shop set; committed after the handler returns. */
  tx: Tx;
  deps: ApiDeps;
  params: P;
  query: Q;
  body: B;
};

export type EndpointResult = { status: number; body?: unknown };

/**
 * One REST operation, declared once: the pipeline reads auth, scope, stability, validation
 * and idempotency from here, so handlers hold only the operation itself.
 */
export type Endpoint<P = unknown, Q = unknown, B = unknown> = {
  operationId: string;
  method: HttpMethod;
  /** Relative to /api/v1, Express syntax (`/customers/:id`). */
  path: string;
  summary: string;
  /** `null`: any valid token (e.g. /usage). */
  scope: Scope | null;
  stability: Stability;
  params?: z.ZodType<P>;
  /** A schema for the query string, or `raw` when the handler parses it (list endpoints). */
  query?: z.ZodType<Q> | 'raw';
  body?: z.ZodType<B>;
  handler: (ctx: EndpointContext<P, Q, B>) => Promise<EndpointResult>;
  /** The resource this operation reads or writes: its attributes shape the OpenAPI document. */
  resource?: ResourceSpec;
  /** For `query: 'raw'` lists: which `include=` values the operation accepts. */
  includes?: readonly string[];
  // The fields below only shape the OpenAPI document; each has a default derived from the rest
  // (api-docs/operation-kind.ts), so they are needed only where the default would be wrong.
  /** Default: delete; patch on an id → update, on a collection → bulk; post on `/bulk` → bulk, on a listed collection of `resource` → create, else action; get → list or get. */
  operation?: OperationKind;
  /** The 2xx status. Default: create 201, delete 204, otherwise 200. */
  successStatus?: number;
  /** Longer prose for the reference; `summary` stays one line. */
  description?: string;
  /** The body as clients send it, when `body` is `z.unknown()` parsed in the handler and no resource write schema describes it. */
  requestSchema?: z.ZodType;
  /** The whole success body, when it is not `resource`'s object or list (e.g. /usage). */
  responseSchema?: z.ZodType;
  /** For operations whose body names other resources: what a 404 means (the path alone implies one only with an id in it). */
  notFound?: string;
  /** For `query: 'raw'` operations that are not `resource` lists (e.g. /attribution): their query, with `filter` as a nested object. */
  querySchema?: z.ZodType;
};

// `any` erases each endpoint's own P/Q/B so they can sit in one registry.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEndpoint = Endpoint<any, any, any>;

export const defineEndpoint = <P = Record<string, never>, Q = Record<string, never>, B = undefined>(endpoint: Endpoint<P, Q, B>): Endpoint<P, Q, B> => endpoint;

/** `/customers/:id` → `/customers/{id}` for route labels and OpenAPI. */
export const templatePath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');
