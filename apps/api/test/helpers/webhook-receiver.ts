import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Hit = { path: string; body: string; headers: IncomingHttpHeaders };

export type WebhookReceiver = {
  /** What it answers (unless `answer` says otherwise); tests switch it between steps. */
  status: number;
  /** Every request, in arrival order. */
  hits: Hit[];
  /** `http://127.0.0.1:<port>` */
  base: string;
  close: () => Promise<void>;
};

/**
 * A real HTTP receiver on loopback standing in for an integrator's webhook endpoint: it records
 * each request and answers `answer(hit)` or, by default, `receiver.status`.
 */
export const startWebhookReceiver = async (initialStatus = 200, answer?: (hit: Hit) => number | undefined): Promise<WebhookReceiver> => {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hit = { path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8'), headers: req.headers };
      receiver.hits.push(hit);
      const status = answer?.(hit) ?? receiver.status;
      res.writeHead(status).end(`answer ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver: WebhookReceiver = {
    status: initialStatus,
    hits: [],
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  return receiver;
};

/** Polls `check` until it returns something truthy, or fails after `timeoutMs`. */
export const waitFor = async <T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
