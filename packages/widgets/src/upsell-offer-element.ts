// <sumeru-upsell-offer product-id="…"> on a product page, or
// <sumeru-upsell-offer product-ids="a,b" cart-total="59.90"> for a cart: the offers the shop's
// upsell rules select, each with its products at their offer price.
import { callApi } from './api';
import { SumeruElement } from './base-element';
import { h } from './dom';
import { cartItem, dispatchAddToCart, productCard, type OfferProduct } from './product-card';

/** GET /api/public/upsells (apps/api/src/public/README.md). */
interface Upsell {
  id: string;
  attributes: { headline: string; products: (OfferProduct & { offer_price: number })[] };
}

export class SumeruUpsellOfferElement extends SumeruElement {
  static observedAttributes = ['product-id', 'product-ids', 'cart-total', 'product-url', 'data-key', 'data-api'];

  protected async load(signal: AbortSignal): Promise<void> {
    const ids = (this.getAttribute('product-ids') || this.getAttribute('product-id') || '').split(',').map((id) => id.trim()).filter(Boolean);
    if (!ids.length) return this.setState('empty');
    const cartTotal = this.getAttribute('cart-total')?.trim() || undefined;
    this.show();
    this.setState('loading', 'Loading offers…');
    const result = await callApi<{ data: Upsell[] }>(this.config, '/api/public/upsells', { query: { product_ids: ids.join(','), cart_total: cartTotal }, signal });
    if (signal.aborted) return;
    if (!result.ok) return this.setState(result.kind === 'error' ? 'error' : 'unavailable', result.kind === 'error' ? 'Offers could not be loaded.' : '');
    const offers = result.data.data ?? [];
    if (!offers.length) return this.setState('empty');
    this.show(h('ul', { part: 'list' }, offers.map(({ id, attributes: o }) =>
      h('li', { part: 'offer', class: 'card' },
        h('h2', { part: 'heading' }, o.headline),
        h('ul', { 'aria-label': o.headline }, o.products.map((p) => {
          const button = h('button', { type: 'button', part: 'button add', 'aria-label': `Add to cart: ${p.title}` }, 'Add to cart');
          button.addEventListener('click', () => dispatchAddToCart(this, { source: 'upsell', offer_id: id, items: [cartItem(p)] }));
          return productCard(this, p, button, p.offer_price);
        }))))));
    this.setState('ready');
  }
}
