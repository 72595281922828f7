// <sumeru-upsell-offer product-id="…">: offers the shop's upsell rules select for a product.
import { callApi } from './api';
import { SumeruElement } from './base-element';
import { h } from './dom';
import { cartItem, dispatchAddToCart, productCard, type OfferProduct } from './product-card';

interface Upsell {
  id: string;
  attributes: { headline: string; message?: string | null; product: OfferProduct };
}

export class SumeruUpsellOfferElement extends SumeruElement {
  static observedAttributes = ['product-id', 'data-key', 'data-api'];

  protected async load(signal: AbortSignal): Promise<void> {
    const productId = this.getAttribute('product-id');
    if (!productId) return this.setState('empty');
    this.show();
    this.setState('loading', 'Loading offers…');
    const result = await callApi<{ data: Upsell[] }>(this.config, '/api/public/upsells', { query: { product_id: productId }, signal });
    if (signal.aborted) return;
    if (!result.ok) return this.setState(result.kind === 'error' ? 'error' : 'unavailable', result.kind === 'error' ? 'Offers could not be loaded.' : '');
    const offers = result.data.data ?? [];
    if (!offers.length) return this.setState('empty');
    this.show(h('ul', { part: 'list' }, offers.map(({ id, attributes: o }) => {
      const button = h('button', { type: 'button', part: 'button add' }, 'Add to cart');
      button.addEventListener('click', () => dispatchAddToCart(this, { source: 'upsell', offer_id: id, items: [cartItem(o.product)] }));
      const card = productCard(o.product, button);
      card.prepend(h('h2', { part: 'heading' }, o.headline), o.message ? h('p', { class: 'muted' }, o.message) : '');
      return card;
    })));
    this.setState('ready');
  }
}
