import type { OrderStatus } from '@sumeru/domain';

/** What a provider's customer becomes; `undefined` leaves the stored value as it is. */
export type CustomerInput = {
  externalId: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  tags?: string[];
  acceptsMarketing?: boolean;
  currency?: string;
};

export type LineInput = {
  title: string;
  sku: string | null;
  quantity: number;
  unitPriceMinor: number;
  /** The provider's product, as a product external_id, to link the line to the catalogue. */
  productExternalId: string | null;
};

/** An order from any provider, in minor units, ready to upsert by its external id. */
export type OrderInput = {
  externalId: string;
  number: string;
  status: OrderStatus;
  currency: string;
  placedAt: Date;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  /** The provider's authoritative total when it has one (Shopify); else computed from the lines. */
  totalMinor: number | null;
  lines: LineInput[];
  customer: CustomerInput | null;
};

export type ProductInput = {
  externalId: string;
  title: string;
  handle: string;
  description: string | null;
  vendor: string | null;
  productType: string | null;
  status: 'active' | 'draft' | 'archived';
  sku: string | null;
  priceMinor: number;
  tags: string[];
};
