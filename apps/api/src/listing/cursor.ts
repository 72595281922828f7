import { createHmac } from 'node:crypto';
import { safeEqual } from '@sumeru/auth';
import { validationError } from '@sumeru/errors';

/**
 * Cursors are opaque to clients but carry the keyset position. They are versioned, and
 * signed over the shop and the query shape, so a tampered cursor, one from another shop or
 * one reused with other filters or sort is refused with 422 instead of paging wrongly.
 */
const VERSION = 1;

type CursorPayload = { v: number; k: unknown[] };

const sign = (secret: string, scope: string, body: string): string =>
  createHmac('sha256', secret).update(`${scope}\n${body}`).digest('base64url').slice(0, 22);

export const encodeCursor = (secret: string, scope: string, keys: unknown[]): string => {
  const body = Buffer.from(JSON.stringify({ v: VERSION, k: keys } satisfies CursorPayload)).toString('base64url');
  return `${body}.${sign(secret, scope, body)}`;
};

const invalid = () => validationError('cursor', 'cursor is invalid, expired or belongs to another query');

export const decodeCursor = (secret: string, scope: string, cursor: string, keyCount: number): unknown[] => {
  const [body, mac, extra] = cursor.split('.');
  if (!body || !mac || extra !== undefined || cursor.length > 2048) throw invalid();
  if (!safeEqual(mac, sign(secret, scope, body))) throw invalid();
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CursorPayload;
  } catch {
    throw invalid();
  }
  if (payload.v !== VERSION || !Array.isArray(payload.k) || payload.k.length !== keyCount) throw invalid();
  return payload.k;
};
