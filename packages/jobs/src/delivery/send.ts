import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkWebhookUrl, resolvePublicAddress } from '@sumeru/webhooks';
import { parseRetryAfter } from './schedule';

export type SendOutcome = {
  startedAt: Date;
  latencyMs: number;
  /** null when no HTTP answer came (refused, timed out, connection error). */
  statusCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
  retryAfterSeconds: number | null;
};

export type SendOptions = { timeoutMs: number; allowPrivateTargets: boolean };

const EXCERPT_BYTES = 1024;

/**
 * POSTs one delivery. The URL is checked again (it may predate a policy change), the host is
 * resolved once and the connection goes to exactly that vetted address (no DNS rebinding),
 * and redirects are never followed: a 3xx is just a failed attempt.
 */
export const sendWebhook = async (rawUrl: string, body: string, headers: Record<string, string>, options: SendOptions): Promise<SendOutcome> => {
  const startedAt = new Date();
  const began = performance.now();
  const done = (partial: Partial<SendOutcome>): SendOutcome => ({
    startedAt, latencyMs: Math.round(performance.now() - began), statusCode: null, responseExcerpt: null, error: null, retryAfterSeconds: null, ...partial,
  });

  const check = checkWebhookUrl(rawUrl, { requireHttps: !options.allowPrivateTargets, allowLoopback: options.allowPrivateTargets });
  if (!check.ok) return done({ error: `refused: ${check.reason}` });
  const url = check.url;
  const resolved = await resolvePublicAddress(url.hostname, { allowLoopback: options.allowPrivateTargets });
  if ('error' in resolved) return done({ error: `refused: ${resolved.error}` });

  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) (callback as (err: null, addresses: { address: string; family: number }[]) => void)(null, [resolved]);
    else callback(null, resolved.address, resolved.family);
  };

  return new Promise<SendOutcome>((resolve) => {
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': Buffer.byteLength(body), 'User-Agent': 'Sumeru-Webhooks/1.0' },
      lookup: pinned,
      signal: AbortSignal.timeout(options.timeoutMs),
      agent: false,
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => resolve(done({
        statusCode: res.statusCode ?? null,
        responseExcerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8'),
        retryAfterSeconds: res.statusCode === 429 || res.statusCode === 503 ? parseRetryAfter(res.headers['retry-after'] as string | undefined) : null,
      }));
      res.on('data', (chunk: Buffer) => {
        if (size < EXCERPT_BYTES) chunks.push(chunk);
        size += chunk.length;
        // The status is all that decides the outcome; no need to read a large body to its end.
        if (size >= EXCERPT_BYTES) {
          res.destroy();
          finish();
        }
      });
      res.on('end', finish);
      res.on('error', finish);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      const timedOut = err.name === 'AbortError' || err.name === 'TimeoutError';
      resolve(done({ error: timedOut ? `timed out after ${options.timeoutMs} ms` : `${err.code ?? 'error'}: ${err.message}` }));
    });
    req.end(body);
  });
};
