'use client';
import { SumeruBundleOffer, SumeruUpsellOffer, type AddToCartDetail } from '@sumeru/widgets/react';
import { useCallback, useEffect, useState } from 'react';
import { sumeru } from './pixel';
import { SUMERU_API, SUMERU_KEY } from './sumeru-config';

/** The interactive part of the product page: a cart, the pixel's cart events and the offers. */
export function ProductView({ productId, price }: { productId: string; price: string }) {
  const [count, setCount] = useState(0);
  useEffect(() => sumeru('track', 'product_viewed', { product_id: productId, price, currency: 'EUR' }), [productId, price]);

  const add = useCallback((items: AddToCartDetail['items']) => {
    for (const item of items) sumeru('track', 'added_to_cart', item);
    setCount((n) => n + items.reduce((sum, item) => sum + item.quantity, 0));
  }, []);
  const addOffer = useCallback((detail: AddToCartDetail) => add(detail.items), [add]);

  return (
    <>
      <button type="button" onClick={() => add([{ product_id: productId, quantity: 1 }])}>Add to cart</button>{' '}
      <button type="button" onClick={() => sumeru('track', 'checkout_started', { items: count })}>Checkout</button>
      <p role="status">{count} item(s) in your cart</p>
      <SumeruUpsellOffer productId={productId} publishableKey={SUMERU_KEY} apiBase={SUMERU_API} onAddToCart={addOffer} />
      <SumeruBundleOffer productId={productId} publishableKey={SUMERU_KEY} apiBase={SUMERU_API} onAddToCart={addOffer} />
    </>
  );
}
