// The React wrappers render on the server (as in Next.js App Router or Hydrogen) without a DOM:
// window, document, HTMLElement and customElements are trapped, and any touch fails the test.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const trapped = ['window', 'document', 'HTMLElement', 'customElements', 'navigator', 'location'] as const;
const touched: string[] = [];

beforeAll(() => {
  for (const name of trapped) {
    if (name in globalThis && name !== 'navigator') throw new Error(`${name} exists in this test environment`);
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        return undefined;
      },
    });
  }
});

afterAll(() => {
  for (const name of trapped) delete (globalThis as Record<string, unknown>)[name];
});

describe('@sumeru/widgets/react on the server', () => {
  it('imports and renders every wrapper to plain custom-element markup without touching browser globals', async () => {
    const { SumeruBundleOffer, SumeruQuiz, SumeruReferralShare, SumeruReviews, SumeruUpsellOffer } = await import('../src/react');
    const html = renderToString(
      createElement('div', {},
        createElement(SumeruReviews, { productId: 'prod_1', publishableKey: 'pk_live_abc', apiBase: 'https://api.example.com', className: 'reviews' }),
        createElement(SumeruBundleOffer, { productId: 'prod_"1"', onAddToCart: () => {} }),
        createElement(SumeruUpsellOffer, { productId: 'prod_2', heading: 'You may also like' }),
        createElement(SumeruUpsellOffer, { productIds: ['prod_2', 'prod_3'], cartTotal: '59.90', productUrl: '/products/{handle}' }),
        createElement(SumeruReferralShare, { customerId: 'cus_1', customerEmail: 'ada@example.com' }),
        createElement(SumeruQuiz, { quizId: 'quiz_1', style: { maxWidth: '40rem' } })),
    );
    expect(touched).toEqual([]);
    expect(html).toBe(
      '<div>'
      + '<sumeru-reviews product-id="prod_1" data-key="pk_live_abc" data-api="https://api.example.com" class="reviews"></sumeru-reviews>'
      + '<sumeru-bundle-offer product-id="prod_&quot;1&quot;"></sumeru-bundle-offer>'
      + '<sumeru-upsell-offer product-id="prod_2" heading="You may also like"></sumeru-upsell-offer>'
      + '<sumeru-upsell-offer product-ids="prod_2,prod_3" cart-total="59.90" product-url="/products/{handle}"></sumeru-upsell-offer>'
      + '<sumeru-referral-share customer-id="cus_1" customer-email="ada@example.com"></sumeru-referral-share>'
      + '<sumeru-quiz quiz-id="quiz_1" style="max-width:40rem"></sumeru-quiz>'
      + '</div>',
    );
  });
});
