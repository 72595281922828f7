import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('products/:handle', 'routes/product.tsx'),
] satisfies RouteConfig;
