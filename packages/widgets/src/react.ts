'use client';
// Thin React wrappers: each renders its custom element with plain attributes, so server
// rendering (Next.js App Router, Hydrogen/React Router) emits ordinary markup. Nothing here reads
// window or document at import or render time; the elements are registered after hydration, by
// a dynamic import inside useEffect, and then upgrade the server-rendered tags in place.
import { createElement, useEffect, useRef, type CSSProperties, type ReactElement } from 'react';
import type { AddToCartDetail } from './product-card';

export type { AddToCartDetail } from './product-card';

export interface WidgetProps {
  /** The shop's publishable key (pk_live_…); falls back to window.SumeruWidgets.key. */
  publishableKey?: string;
  /** Base URL of the Sumeru API, e.g. https://api.example.com. */
  apiBase?: string;
  heading?: string;
  id?: string;
  className?: string;
  style?: CSSProperties;
}

interface ProductLinkProps extends WidgetProps {
  /** Links product titles: a URL template with `{handle}` and/or `{id}`, e.g. "/products/{handle}". */
  productUrl?: string;
}

interface OfferProps extends ProductLinkProps {
  /** Called when the shopper asks to add an offer's items to the cart. */
  onAddToCart?: (detail: AddToCartDetail) => void;
}

export interface UpsellOfferProps extends OfferProps {
  /** The product on a product page. */
  productId?: string;
  /** Every product in a cart (takes precedence over productId). */
  productIds?: readonly string[];
  /** The cart's total as a decimal amount ("59.90"), for rules with a minimum cart total. */
  cartTotal?: string | number;
}

const useWidget = (tag: string, attributes: Record<string, string | undefined>, props: WidgetProps, onAddToCart?: (detail: AddToCartDetail) => void): ReactElement => {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    void import('./define').then((module) => module.defineSumeruWidgets());
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el || !onAddToCart) return;
    const listener = (event: Event) => onAddToCart((event as CustomEvent<AddToCartDetail>).detail);
    el.addEventListener('sumeru:add-to-cart', listener);
    return () => el.removeEventListener('sumeru:add-to-cart', listener);
  }, [onAddToCart]);
  return createElement(tag, {
    ref,
    ...attributes,
    'data-key': props.publishableKey,
    'data-api': props.apiBase,
    heading: props.heading,
    id: props.id,
    className: props.className,
    style: props.style,
  });
};

export const SumeruReviews = ({ productId, ...props }: WidgetProps & { productId: string }): ReactElement =>
  useWidget('sumeru-reviews', { 'product-id': productId }, props);

export const SumeruBundleOffer = ({ productId, productUrl, onAddToCart, ...props }: OfferProps & { productId: string }): ReactElement =>
  useWidget('sumeru-bundle-offer', { 'product-id': productId, 'product-url': productUrl }, props, onAddToCart);

export const SumeruUpsellOffer = ({ productId, productIds, cartTotal, productUrl, onAddToCart, ...props }: UpsellOfferProps): ReactElement =>
  useWidget('sumeru-upsell-offer', {
    'product-id': productId,
    'product-ids': productIds?.join(','),
    'cart-total': cartTotal === undefined ? undefined : String(cartTotal),
    'product-url': productUrl,
  }, props, onAddToCart);

/** Renders nothing for a guest: pass the signed-in customer's id and email. */
export const SumeruReferralShare = ({ customerId, customerEmail, ...props }: WidgetProps & { customerId?: string; customerEmail?: string }): ReactElement =>
  useWidget('sumeru-referral-share', { 'customer-id': customerId, 'customer-email': customerEmail }, props);

export const SumeruQuiz = ({ quizId, productUrl, ...props }: ProductLinkProps & { quizId: string }): ReactElement =>
  useWidget('sumeru-quiz', { 'quiz-id': quizId, 'product-url': productUrl }, props);
