import { Link } from 'react-router';
import { PRODUCTS } from '../catalog';

export const meta = () => [{ title: 'Example Store · React Router + Sumeru' }];

export default function Home() {
  return (
    <main>
      <h1>Example Store</h1>
      <ul>
        {PRODUCTS.map((p) => (
          <li key={p.id}><Link to={`/products/${p.handle}`}>{p.title}</Link></li>
        ))}
      </ul>
    </main>
  );
}
