import type { Request, RequestHandler, Response } from 'express';
import { withTenant } from '@sumeru/db';
import { AppError, validationError } from '@sumeru/errors';
import { hashRequest, isValidKey, runIdempotent } from '@sumeru/idempotency';
import { zodToValidationError } from '../listing/attributes';
import type { ApiDeps } from '../deps';
import { state } from '../http/request-context';
import type { AnyEndpoint, EndpointResult } from './endpoint';

const parseWith = (schema: AnyEndpoint['params'], value: unknown, where: string): unknown => {
  if (!schema) return value;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodToValidationError(parsed.error, where === 'body' ? '' : where);
  return parsed.data;
};

const idempotencyKeyOf = (req: Request): string | undefined => {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!isValidKey(key)) throw validationError('Idempotency-Key', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
  return key;
};

const send = (res: Response, result: EndpointResult, replayed: boolean) => {
  if (replayed) res.setHeader('Idempotent-Replayed', 'true');
  if (result.status === 204 || result.body === undefined) res.status(result.status).end();
  else res.status(result.status).json(result.body);
};

/**
 * The last step of every endpoint: validate, open the tenant transaction, run the handler
 * (through the idempotency store for POST/PATCH with a key), answer after commit.
 */
export const execute = (endpoint: AnyEndpoint, deps: ApiDeps): RequestHandler => async (req, res) => {
  const s = state(res);
  const token = s.token!;
  const params = parseWith(endpoint.params, req.params, 'path');
  const query = endpoint.query === 'raw' ? req.query : parseWith(endpoint.query, req.query, 'query');
  const body = endpoint.body ? parseWith(endpoint.body, req.body, 'body') : undefined;
  const key = endpoint.method === 'post' || endpoint.method === 'patch' ? idempotencyKeyOf(req) : undefined;

  const run = (tx: Parameters<AnyEndpoint['handler']>[0]['tx']) =>
    endpoint.handler({ req, res, requestId: s.requestId, log: s.log, token, tx, deps, params, query, body });

  const outcome = await withTenant(deps.db, { shopId: token.shopId }, async (tx) => {
    if (!key) return { ...(await run(tx)), replayed: false };
    return runIdempotent(
      tx,
      {
        agencyId: token.agencyId,
        shopId: token.shopId,
        tokenId: token.id,
        key,
        requestHash: hashRequest(req.method, req.path, req.body),
        method: req.method,
        path: req.path,
      },
      () => run(tx),
    );
  });
  send(res, outcome, outcome.replayed);
};

export const unsupportedMediaType: RequestHandler = (req, _res, next) => {
  const length = Number(req.get('content-length') ?? 0);
  if ((length > 0 || req.get('transfer-encoding')) && !req.is('application/json') && !req.is('application/*+json')) {
    throw new AppError('unsupported_media_type', 'Send request bodies as application/json.');
  }
  next();
};
