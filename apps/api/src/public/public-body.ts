import express, { type RequestHandler } from 'express';
import { AppError } from '@sumeru/errors';

/**
 * Storefront bodies: JSON only, except where `acceptsTextPlain` — `navigator.sendBeacon` sends
 * `text/plain;charset=UTF-8`, which is also a CORS "simple" type (no preflight); that text is
 * parsed as JSON. Sizes are capped per route; body-parser's 413 / 400 become envelopes in the
 * shared error handler.
 */
export const publicBody = (limitBytes: number, acceptsTextPlain: boolean): RequestHandler[] => {
  const json = express.json({ limit: limitBytes, type: ['application/json', 'application/*+json'] });
  const text = express.text({ limit: limitBytes, type: 'text/plain' });
  const check: RequestHandler = (req, _res, next) => {
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    if (!hasBody) return next();
    if (req.is('application/json') || req.is('application/*+json')) return next();
    if (acceptsTextPlain && req.is('text/plain')) return next();
    throw new AppError('unsupported_media_type', acceptsTextPlain ? 'Send the body as application/json or text/plain JSON.' : 'Send the body as application/json.');
  };
  const parseText: RequestHandler = (req, _res, next) => {
    if (typeof req.body !== 'string') return next();
    try {
      req.body = JSON.parse(req.body) as unknown;
    } catch {
      throw new AppError('bad_request', 'The request body is not valid JSON.');
    }
    next();
  };
  return acceptsTextPlain ? [check, json, text, parseText] : [check, json];
};
