// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildSnippets } from './snippets';
import { formatMoney } from './format';

describe('buildSnippets', () => {
  const snippets = buildSnippets({ apiBase: 'https://api.example.com/', publishableKey: 'pk_live_abc' });

  it('offers the pixel and widgets for plain HTML, Next.js and Hydrogen, each with the key and the API origin', () => {
    expect(snippets.map((s) => s.id)).toEqual(['html-pixel', 'html-widgets', 'nextjs', 'hydrogen']);
    for (const s of snippets) {
      expect(s.code).toContain('pk_live_abc');
      expect(s.code).not.toContain('api.example.com//');
    }
    expect(snippets[0]!.code).toContain('<script async src="https://api.example.com/pixel.js"></script>');
    expect(snippets[1]!.code).toContain('data-key="pk_live_abc"');
    expect(snippets[2]!.code).toContain("import { SumeruReviews } from '@sumeru/widgets/react'");
    expect(snippets[3]!.code).toContain('SumeruUpsellOffer');
  });

  it('produces a pixel snippet that actually initialises the queue when run', () => {
    const body = /<script>\n([\s\S]*?)\n<\/script>/.exec(snippets[0]!.code)![1]!;
    new Function(body)();
    const queued = (window as unknown as { sumeru: { q: ArrayLike<unknown>[] } }).sumeru.q;
    expect(Array.from(queued[0]!)).toEqual(['init', 'pk_live_abc', { requireConsent: false }]);
  });
});

describe('formatMoney', () => {
  it('formats exact decimal strings without float arithmetic', () => {
    expect(formatMoney('1547.7', 'EUR')).toBe('1,547.70 EUR');
    expect(formatMoney('90071992547409.99', 'USD')).toBe('90,071,992,547,409.99 USD');
    expect(formatMoney('-3', 'EUR')).toBe('-3.00 EUR');
  });
});
