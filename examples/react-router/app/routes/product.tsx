import { SumeruBundleOffer, SumeruReviews, SumeruUpsellOffer, type AddToCartDetail } from '@sumeru/widgets/react';
import { useCallback, useEffect, useState } from 'react';
import { data, Link } from 'react-router';
import { PRODUCTS } from '../catalog';
import { SUMERU_API, SUMERU_KEY, sumeru } from '../sumeru-config';
import type { Route } from './+types/product';

export const loader = ({ params }: Route.LoaderArgs) => {
  const product = PRODUCTS.find((p) => p.handle === params.handle);
  if (!product) throw data('Not found', { status: 404 });
  return { product };
};

export const meta = ({ data: loaded }: Route.MetaArgs) => [{ title: loaded?.product.title ?? 'Product' }];

export default function ProductRoute({ loaderData: { product } }: Route.ComponentProps) {
  const [count, setCount] = useState(0);
  useEffect(() => sumeru('track', 'product_viewed', { product_id: product.id, price: product.price, currency: 'EUR' }), [product]);

  const add = useCallback((items: AddToCartDetail['items']) => {
    for (const item of items) sumeru('track', 'added_to_cart', item);
    setCount((n) => n + items.reduce((sum, item) => sum + item.quantity, 0));
  }, []);
  const addOffer = useCallback((detail: AddToCartDetail) => add(detail.items), [add]);
  const widget = { productId: product.id, publishableKey: SUMERU_KEY, apiBase: SUMERU_API };

  return (
    <main>
      <p><Link to="/">← All products</Link></p>
      <h1>{product.title}</h1>
      <p>{product.description} €{product.price}</p>
      <button type="button" onClick={() => add([{ product_id: product.id, quantity: 1 }])}>Add to cart</button>{' '}
      <button type="button" onClick={() => sumeru('track', 'checkout_started', { items: count })}>Checkout</button>
      <p role="status">{count} item(s) in your cart</p>
      {/* key: a new product is a new widget, not an attribute change on the old one. */}
      <SumeruUpsellOffer key={`u-${product.id}`} {...widget} onAddToCart={addOffer} />
      <SumeruBundleOffer key={`b-${product.id}`} {...widget} onAddToCart={addOffer} />
      <SumeruReviews key={`r-${product.id}`} {...widget} style={{ marginBlock: '2rem' }} />
    </main>
  );
}
