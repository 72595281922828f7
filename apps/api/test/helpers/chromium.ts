// Real headless Chromium (@sumeru/browser-testing: Debian's /usr/bin/chromium, never a
// downloaded browser), and a tiny storefront server: a second local origin that serves test pages
// which load /pixel.js and /widgets.js from the API, as a shop's own site would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export { launchChromium } from '@sumeru/browser-testing';

export type Storefront = {
  /** `http://127.0.0.1:<port>`: a different origin from the API's. */
  origin: string;
  /** path → HTML served at that path. */
  pages: Map<string, string>;
  close: () => Promise<void>;
};

/** Serves `pages` on its own port; anything else is a 404. */
export const startStorefront = async (): Promise<Storefront> => {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (html === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pages,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
