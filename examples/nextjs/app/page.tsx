import { SumeruQuiz, SumeruReviews } from '@sumeru/widgets/react';
import { ProductView } from './product-view';
import { SUMERU_API, SUMERU_KEY } from './sumeru-config';

// A server component: the widget wrappers render as plain custom-element tags in the HTML and
// register themselves after hydration.
export default function ProductPage() {
  const productId = 'prod_trail_runner_2';
  return (
    <main>
      <h1>Trail Runner 2</h1>
      <p>Light, grippy and made for long days out. €129.00</p>
      <ProductView productId={productId} price="129.00" />
      <SumeruReviews productId={productId} publishableKey={SUMERU_KEY} apiBase={SUMERU_API} style={{ marginBlock: '2rem' }} />
      <SumeruQuiz quizId="quiz_find_your_shoe" publishableKey={SUMERU_KEY} apiBase={SUMERU_API} />
    </main>
  );
}
