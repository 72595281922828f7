import Script from 'next/script';
import type { ReactNode } from 'react';
import { SUMERU_API, SUMERU_KEY } from './sumeru-config';

export const metadata = { title: 'Example Store · Next.js + Sumeru' };

// The queue stub runs before hydration; pixel.js replays it once loaded. Page views on
// client-side navigations come from the pixel's own history.pushState hook.
const pixelStub = `window.sumeru=window.sumeru||function(){(sumeru.q=sumeru.q||[]).push(arguments)};
sumeru('init', ${JSON.stringify(SUMERU_KEY)}, { endpoint: ${JSON.stringify(SUMERU_API)} });`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '60rem', margin: '2rem auto', padding: '0 1rem' }}>
        <Script id="sumeru-pixel-stub" strategy="beforeInteractive">{pixelStub}</Script>
        <Script src={`${SUMERU_API}/pixel.js`} strategy="afterInteractive" />
        {children}
      </body>
    </html>
  );
}
