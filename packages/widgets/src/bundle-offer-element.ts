// <sumeru-bundle-offer product-id="…">: the bundles containing a product, with their price and
// saving, and one button per bundle that asks the storefront to add all of its items.
import { callApi } from './api';
import { SumeruElement } from './base-element';
import { h } from './dom';
import { formatMoney } from './format';
import { cartItem, dispatchAddToCart, priceLine, productUrl, type OfferProduct } from './product-card';

/** GET /api/public/products/{product_id}/bundles (apps/api/src/public/README.md). */
interface Bundle {
  id: string;
  attributes: { name: string; description: string | null; products: OfferProduct[]; currency: string; regular_price: number; bundle_price: number; savings: number };
}

const bundleCard = (host: HTMLElement, { id, attributes: b }: Bundle): HTMLLIElement => {
  const button = h('button', { type: 'button', part: 'button add' }, 'Add bundle to cart');
  button.addEventListener('click', () => dispatchAddToCart(host, { source: 'bundle', offer_id: id, items: b.products.map(cartItem) }));
  return h('li', { class: 'card', part: 'bundle' },
    h('h3', {}, b.name),
    b.description ? h('p', { class: 'muted' }, b.description) : null,
    h('ul', { 'aria-label': `Items in ${b.name}`, style: 'gap: 4px' },
      b.products.map((p) => {
        const href = productUrl(host, p);
        return h('li', {}, href ? h('a', { href }, p.title) : p.title);
      })),
    priceLine(b.bundle_price, b.currency, b.regular_price),
    b.savings > 0 ? h('p', { class: 'saving', part: 'saving' }, `You save ${formatMoney(b.savings, b.currency)}`) : null,
    button);
};

export class SumeruBundleOfferElement extends SumeruElement {
  static observedAttributes = ['product-id', 'product-url', 'data-key', 'data-api'];

  protected async load(signal: AbortSignal): Promise<void> {
    const productId = this.getAttribute('product-id');
    if (!productId) return this.setState('empty');
    this.show();
    this.setState('loading', 'Loading bundle offers…');
    const result = await callApi<{ data: Bundle[] }>(this.config, `/api/public/products/${encodeURIComponent(productId)}/bundles`, { signal });
    if (signal.aborted) return;
    if (!result.ok) return this.setState(result.kind === 'error' ? 'error' : 'unavailable', result.kind === 'error' ? 'Bundle offers could not be loaded.' : '');
    const bundles = result.data.data ?? [];
    if (!bundles.length) return this.setState('empty');
    this.show(h('h2', { part: 'heading' }, this.getAttribute('heading') || 'Frequently bought together'), h('ul', { part: 'list' }, bundles.map((b) => bundleCard(this, b))));
    this.setState('ready');
  }
}
