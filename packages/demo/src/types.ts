import type { ScryptParams } from '@sumeru/auth';
import type { Random } from './random';

/** One seeded shop with its credentials in plain text: the only place they are ever shown. */
export type DemoShop = {
  id: string;
  name: string;
  admin_token: string;
  publishable_key: string;
  shopify_webhook_secret: string;
  whatsapp_verify_token: string;
};

/** What `seedDemo` returns and `pnpm sumeru demo --json` prints; snake_case is the CLI's JSON contract. */
export type DemoResult = {
  agency: { id: string; name: string };
  operator: { email: string; password: string };
  shops: DemoShop[];
};

export type SeedDemoOptions = {
  /** Seals the shops' inbound webhook secrets, as the API will open them. */
  platformSecret: string;
  customersPerShop?: number;
  ordersPerShop?: number;
  productsPerShop?: number;
  /** Shapes the data (names, prices, dates); secrets always come from the CSPRNG. */
  random?: Random;
  /** The moment the demo's history ends; defaults to now. */
  now?: Date;
  /** For tests only: cheaper scrypt parameters. Leave unset so the OWASP default applies. */
  passwordParams?: ScryptParams;
};

export const DEFAULT_SIZES = { customersPerShop: 240, ordersPerShop: 600, productsPerShop: 40 } as const;
