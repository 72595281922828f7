export type SnippetInput = { apiBase: string; publishableKey: string; productId?: string };
export type Snippet = { id: string; title: string; language: string; code: string };

/**
 * Copy-ready embeds for the pixel and the widgets (contracts in packages/pixel and
 * packages/widgets), with the shop's publishable key and this API's origin filled in.
 */
export const buildSnippets = ({ apiBase, publishableKey, productId = 'prd_…' }: SnippetInput): Snippet[] => {
  const base = apiBase.replace(/\/+$/, '');
  const init = `window.sumeru = window.sumeru || function(){(sumeru.q=sumeru.q||[]).push(arguments)};\n  sumeru('init', '${publishableKey}', { requireConsent: false });`;
  return [
    {
      id: 'html-pixel',
      title: 'Plain HTML — pixel',
      language: 'html',
      code: `<script>\n  ${init}\n</script>\n<script async src="${base}/pixel.js"></script>`,
    },
    {
      id: 'html-widgets',
      title: 'Plain HTML — widgets',
      language: 'html',
      code: `<script src="${base}/widgets.js" data-key="${publishableKey}" defer></script>\n<sumeru-reviews product-id="${productId}"></sumeru-reviews>\n<sumeru-bundle-offer product-id="${productId}"></sumeru-bundle-offer>`,
    },
    {
      id: 'nextjs',
      title: 'Next.js (App Router) — pixel and widgets',
      language: 'tsx',
      code: `// app/layout.tsx\nimport Script from 'next/script';\n\nexport default function RootLayout({ children }: { children: React.ReactNode }) {\n  return (\n    <html lang="en">\n      <body>\n        {children}\n        <Script id="sumeru-init" strategy="afterInteractive">{\`${init.replace(/\n {2}/g, '\n        ')}\`}</Script>\n        <Script src="${base}/pixel.js" strategy="afterInteractive" />\n      </body>\n    </html>\n  );\n}\n\n// app/products/[id]/page.tsx\nimport { SumeruReviews } from '@sumeru/widgets/react';\n\n<SumeruReviews productId="${productId}" publishableKey="${publishableKey}" apiBase="${base}" />`,
    },
    {
      id: 'hydrogen',
      title: 'Shopify Hydrogen — pixel and widgets',
      language: 'tsx',
      code: `// app/root.tsx (add ${base} to script-src and connect-src in your CSP)\n<script dangerouslySetInnerHTML={{ __html: \`${init.replace(/\n {2}/g, ' ')}\` }} />\n<script async src="${base}/pixel.js" />\n\n// app/routes/products.$handle.tsx\nimport { SumeruReviews, SumeruUpsellOffer } from '@sumeru/widgets/react';\n\n<SumeruReviews productId="${productId}" publishableKey="${publishableKey}" apiBase="${base}" />\n<SumeruUpsellOffer productId="${productId}" publishableKey="${publishableKey}" apiBase="${base}" onAddToCart={(detail) => addLines(detail)} />`,
    },
  ];
};
