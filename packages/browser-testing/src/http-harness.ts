// Two local HTTP servers on different ports, hence different origins: a storefront that serves
// test pages and the built script, and a receiver that records every request. The receiver is a
// test harness standing in for the Sumeru API (it only records), not the real ingest endpoint.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** Serves `pages` (path → html) and `assets` (path → javascript) on its own origin. */
export const startStorefront = async (assets: Record<string, () => string>) => {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const asset = assets[path];
    if (asset) {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(asset());
      return;
    }
    const html = pages.get(path);
    if (html === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  });
  const origin = await listen(server);
  return { origin, pages, close: () => close(server) };
};

/** A JSON body, or a raw string body when `type` is given. */
type Reply = (req: RecordedRequest) => { status: number; body?: unknown; type?: string } | undefined;

/** Records every request; answers CORS for the storefront origin and `reply` (default 204). */
export const startReceiver = async (allowOrigin: string, reply: Reply = () => undefined) => {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const cors = {
        'Access-Control-Allow-Origin': allowOrigin,
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Content-Type, X-Sumeru-Key',
        Vary: 'Origin',
      };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors).end();
        return;
      }
      requests.push(recorded);
      const answer = reply(recorded);
      if (!answer) {
        res.writeHead(204, cors).end();
        return;
      }
      if (answer.type) res.writeHead(answer.status, { ...cors, 'Content-Type': answer.type }).end(String(answer.body));
      else res.writeHead(answer.status, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body ?? {}));
    });
  });
  const origin = await listen(server);

  /** Resolves once `predicate` holds for the recorded requests, or rejects after `timeoutMs`. */
  const waitFor = async (predicate: (r: RecordedRequest[]) => boolean, timeoutMs = 5000): Promise<RecordedRequest[]> => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(requests)) {
      if (Date.now() > deadline) throw new Error(`receiver: condition not met in ${timeoutMs} ms (${requests.length} requests)`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return requests;
  };

  return { origin, requests, waitFor, close: () => close(server) };
};
