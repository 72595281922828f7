// fetch against the public API. The key is always in the query string: reads then need no CORS
// preflight, and a write's preflight (which carries no header values) still names the shop.
// Writes also send it as X-Sumeru-Key. Cookies are never sent. Every outcome becomes a Result so
// the widgets can render a state instead of throwing.
import type { WidgetConfig } from './config';

export type Failure = 'refused' | 'not_found' | 'invalid' | 'rate_limited' | 'error';
export type Result<T> = { ok: true; data: T } | { ok: false; kind: Failure; message: string };

interface Options {
  method?: 'GET' | 'POST';
  query?: Record<string, string | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

/** How a widget treats an HTTP error status (see CONTRACT.md). */
export const failureOf = (status: number): Failure =>
  status === 401 || status === 403 ? 'refused'
    : status === 404 ? 'not_found'
      : status === 400 || status === 422 ? 'invalid'
        : status === 429 ? 'rate_limited'
          : 'error';

export const callApi = async <T>(config: WidgetConfig, path: string, options: Options = {}): Promise<Result<T>> => {
  const url = new URL(config.api + path, location.href);
  const isWrite = options.method === 'POST';
  if (config.key) url.searchParams.set('key', config.key);
  for (const [name, value] of Object.entries(options.query ?? {})) if (value) url.searchParams.set(name, value);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (isWrite) {
    headers['Content-Type'] = 'application/json';
    if (config.key) headers['X-Sumeru-Key'] = config.key;
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: isWrite ? JSON.stringify(options.body ?? {}) : undefined,
      credentials: 'omit',
      signal: options.signal,
    });
  } catch {
    return { ok: false, kind: 'error', message: '' };
  }
  const payload = (await response.json().catch(() => undefined)) as { error?: { message?: unknown } } | undefined;
  if (response.ok) return { ok: true, data: payload as T };
  const message = typeof payload?.error?.message === 'string' ? payload.error.message : '';
  return { ok: false, kind: failureOf(response.status), message };
};
