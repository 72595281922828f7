// Stands in for the shop's product source (Shopify Storefront API in a real Hydrogen app).
export interface Product {
  id: string;
  handle: string;
  title: string;
  description: string;
  price: string;
}

export const PRODUCTS: Product[] = [
  { id: 'prod_trail_runner_2', handle: 'trail-runner-2', title: 'Trail Runner 2', description: 'Light, grippy and made for long days out.', price: '129.00' },
  { id: 'prod_merino_socks', handle: 'merino-socks', title: 'Merino Socks', description: 'Warm when wet.', price: '19.00' },
];
