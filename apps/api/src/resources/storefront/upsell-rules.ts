import { z } from 'zod';
import { schema } from '@sumeru/db';
import { crudEndpoints } from '../crud/crud-endpoints';
import { ZDiscountType, ZOfferAmount, ZProductIds } from './offer-attributes';

const t = schema.upsellRules;

/**
 * Upsell rules: offer `offer_product_ids` when a product page or cart holds one of
 * `trigger_product_ids` (any product when empty) and the cart reaches `minimum_cart_total`.
 * Higher `priority` first.
 */
export const upsellRuleEndpoints = crudEndpoints({
  path: 'upsell-rules',
  name: { pascal: 'UpsellRule', words: 'upsell rule' },
  idKind: 'upsellRule',
  scopes: { read: 'storefront:read', write: 'storefront:write' },
  stability: 'beta',
  spec: {
    type: 'upsell_rule',
    table: t,
    id: t.id,
    shop: t.shopId,
    defaultSort: '-created_at',
    attributes: {
      external_id: { column: t.externalId, kind: 'string', filter: true, write: z.string() },
      name: { column: t.name, kind: 'string', filter: true, sort: true, write: z.string().trim().min(1).max(200) },
      headline: { column: t.headline, kind: 'string', write: z.string().max(300).nullable().optional() },
      trigger_product_ids: { column: t.triggerProductIds, kind: 'string[]', filter: true, write: ZProductIds(0, 100).optional() },
      minimum_cart_total: { column: t.minimumCartTotal, kind: 'money', write: ZOfferAmount.nullable().optional() },
      offer_product_ids: { column: t.offerProductIds, kind: 'string[]', filter: true, write: ZProductIds(1, 10) },
      discount_type: { column: t.discountType, kind: 'string', write: ZDiscountType.nullable().optional() },
      discount_value: { column: t.discountValue, kind: 'money', write: ZOfferAmount.nullable().optional() },
      priority: { column: t.priority, kind: 'integer', sort: true, write: z.number().int().min(-1000).max(1000).optional() },
      active: { column: t.active, kind: 'boolean', filter: true, write: z.boolean().optional() },
      created_at: { column: t.createdAt, kind: 'datetime', filter: 'range', sort: true },
      updated_at: { column: t.updatedAt, kind: 'datetime', filter: 'range', sort: true },
    },
  },
});
