// A product as offers and quiz results show it, and the cart event the storefront listens for:
// widgets never touch the shop's cart themselves, they dispatch `sumeru:add-to-cart`.
import { h, safeUrl } from './dom';
import { formatMoney } from './format';

/** A product as the public API presents it (amounts are JSON numbers, e.g. 49.9). */
export interface OfferProduct {
  id: string;
  title: string;
  handle?: string;
  price: number;
  currency: string;
}

export interface AddToCartDetail {
  source: 'bundle' | 'upsell';
  offer_id: string;
  items: { product_id: string; quantity: number }[];
}

export const ADD_TO_CART_EVENT = 'sumeru:add-to-cart';

export const cartItem = (p: OfferProduct): AddToCartDetail['items'][number] => ({ product_id: p.id, quantity: 1 });

export const dispatchAddToCart = (from: HTMLElement, detail: AddToCartDetail): void => {
  from.dispatchEvent(new CustomEvent<AddToCartDetail>(ADD_TO_CART_EVENT, { detail, bubbles: true, composed: true }));
};

export const priceLine = (price: unknown, currency: unknown, compareAt?: unknown): HTMLParagraphElement =>
  h('p', {},
    h('span', { class: 'price', part: 'price' }, formatMoney(price, currency)),
    compareAt !== undefined && Number(compareAt) > Number(price)
      ? h('s', { class: 'compare', part: 'compare-at' }, h('span', { class: 'sr-only' }, 'was '), formatMoney(compareAt, currency))
      : null);

/**
 * The product page a title links to: the host's `product-url` template with `{handle}` and `{id}`
 * filled in (e.g. "/products/{handle}"); no link without a template or outside http(s).
 */
export const productUrl = (host: HTMLElement, p: OfferProduct): string | undefined => {
  const template = host.getAttribute('product-url');
  return template ? safeUrl(template.replace(/{handle}/g, encodeURIComponent(p.handle ?? '')).replace(/{id}/g, encodeURIComponent(p.id))) : undefined;
};

/** `price` is what the shopper pays (an offer price); the product's own price is then shown struck through. */
export const productCard = (host: HTMLElement, p: OfferProduct, action?: HTMLElement, price: number = p.price): HTMLLIElement => {
  const href = productUrl(host, p);
  return h('li', { class: 'card', part: 'product' },
    h('h3', {}, href ? h('a', { href }, p.title) : p.title),
    priceLine(price, p.currency, p.price),
    action ?? null);
};
