import type { ReactNode } from 'react';
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from 'react-router';
import { SUMERU_API, SUMERU_KEY } from './sumeru-config';

// The queue stub runs before hydration; pixel.js replays it. Client-side navigations are
// page views through the pixel's own history.pushState hook.
const pixelStub = `window.sumeru=window.sumeru||function(){(sumeru.q=sumeru.q||[]).push(arguments)};
sumeru('init', ${JSON.stringify(SUMERU_KEY)}, { endpoint: ${JSON.stringify(SUMERU_API)} });`;

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <script dangerouslySetInnerHTML={{ __html: pixelStub }} />
        <script async src={`${SUMERU_API}/pixel.js`} />
      </head>
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '60rem', margin: '2rem auto', padding: '0 1rem' }}>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}
