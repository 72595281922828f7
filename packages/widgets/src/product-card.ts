// A product as offers and quiz results show it, and the cart event the storefront listens for:
// widgets never touch the shop's cart themselves, they dispatch `sumeru:add-to-cart`.
import { h, safeUrl } from './dom';
import { formatMoney } from './format';

export interface OfferProduct {
  product_id: string;
  variant_id?: string | null;
  title: string;
  price: string;
  compare_at_price?: string | null;
  currency: string;
  image_url?: string | null;
  url?: string | null;
  quantity?: number;
}

export interface AddToCartDetail {
  source: 'bundle' | 'upsell' | 'quiz';
  offer_id?: string;
  items: { product_id: string; variant_id?: string; quantity: number }[];
}

export const ADD_TO_CART_EVENT = 'sumeru:add-to-cart';

export const cartItem = (p: OfferProduct): AddToCartDetail['items'][number] => ({
  product_id: p.product_id,
  ...(p.variant_id ? { variant_id: p.variant_id } : {}),
  quantity: p.quantity ?? 1,
});

export const dispatchAddToCart = (from: HTMLElement, detail: AddToCartDetail): void => {
  from.dispatchEvent(new CustomEvent<AddToCartDetail>(ADD_TO_CART_EVENT, { detail, bubbles: true, composed: true }));
};

export const priceLine = (price: unknown, currency: unknown, compareAt?: unknown): HTMLParagraphElement =>
  h('p', {},
    h('span', { class: 'price', part: 'price' }, formatMoney(price, currency)),
    compareAt && Number(compareAt) > Number(price)
      ? h('s', { class: 'compare', part: 'compare-at' }, h('span', { class: 'sr-only' }, 'was '), formatMoney(compareAt, currency))
      : null);

export const productCard = (p: OfferProduct, action?: HTMLElement): HTMLLIElement => {
  const href = safeUrl(p.url);
  const image = safeUrl(p.image_url);
  return h('li', { class: 'card', part: 'product' },
    image ? h('img', { src: image, alt: '', loading: 'lazy', width: 160, height: 160, part: 'image' }) : null,
    h('h3', {}, href ? h('a', { href }, p.title) : p.title),
    priceLine(p.price, p.currency, p.compare_at_price),
    action ?? null);
};
