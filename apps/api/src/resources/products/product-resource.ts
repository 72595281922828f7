import { z } from 'zod';
import { schema } from '@sumeru/db';
import { CURRENCIES, ZTags } from '@sumeru/domain';
import { validationError } from '@sumeru/errors';
import { parseWritableAttributes, unwrapAttributes } from '../../listing/attributes';
import { createSerializer } from '../../listing/serialize';
import type { ResourceSpec } from '../../listing/resource-spec';

const p = schema.products;

/** What `numeric(14,2)` holds: up to 12 whole digits and 2 decimals, never negative here. */
const PRICE = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

const priceText = (value: number | string): string => (typeof value === 'number' ? String(value) : value.trim());

const priceProblem = (value: number | string): string | null => {
  const text = priceText(value);
  if (text.startsWith('-')) return 'price must be 0 or more';
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return 'price must be a decimal number such as 19.99';
  if (match[2] && match[2].length > 2) return 'price takes at most 2 decimals';
  if (match[1]!.replace(/^0+(?=\d)/, '').length > 12) return 'price must be below 1,000,000,000,000';
  return null;
};

/**
 * A price: a JSON number (`19.99`) or a decimal string (`"19.99"`), turned into an exact
 * decimal string through its text, never through float arithmetic, so the stored numeric is
 * exactly what the client wrote.
 */
export const ZPrice = z
  .union([z.number(), z.string()])
  .superRefine((value, ctx) => {
    const problem = priceProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => {
    const [, whole, fraction = ''] = PRICE.exec(priceText(value).replace(/^0+(?=\d)/, ''))!;
    return `${whole}.${fraction.padEnd(2, '0')}`;
  })
  .describe('Decimal amount ≥ 0 with at most 2 decimals, as a number or a string; stored exactly');

export const ZHandle = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'handle takes lower-case letters and digits separated by single dashes')
  .describe('URL slug, unique in the shop; derived from the title when omitted');

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

export const productSpec: ResourceSpec = {
  type: 'product',
  table: p,
  id: p.id,
  shop: p.shopId,
  defaultSort: '-created_at',
  attributes: {
    external_id: { column: p.externalId, kind: 'string', filter: true, write: optionalText(255).describe('Your system’s id, unique in the shop') },
    title: { column: p.title, kind: 'string', sort: true, write: z.string().trim().min(1).max(300) },
    handle: { column: p.handle, kind: 'string', filter: true, write: ZHandle.optional() },
    description: { column: p.description, kind: 'string', write: z.string().max(50_000).nullable().optional() },
    vendor: { column: p.vendor, kind: 'string', filter: true, write: optionalText(200) },
    product_type: { column: p.productType, kind: 'string', filter: true, write: optionalText(200) },
    status: { column: p.status, kind: 'string', filter: true, write: z.enum(schema.PRODUCT_STATUSES).optional().describe('active (default), draft or archived') },
    sku: { column: p.sku, kind: 'string', filter: true, write: optionalText(100).describe('Stock keeping unit, unique among the shop’s products; inventory is kept per sku') },
    price: { column: p.price, kind: 'money', filter: 'range', sort: true, write: ZPrice },
    currency: { column: p.currency, kind: 'string', write: z.enum(CURRENCIES).optional().describe('Defaults to the shop’s currency') },
    tags: { column: p.tags, kind: 'string[]', filter: true, write: ZTags.optional() },
    created_at: { column: p.createdAt, kind: 'datetime', filter: 'range', sort: true },
    updated_at: { column: p.updatedAt, kind: 'datetime', filter: 'range', sort: true },
  },
};

export const PRODUCT_INCLUDES = ['inventory'] as const;

export const serializeProduct = createSerializer(productSpec);

/** Attribute names → drizzle insert/update keys. */
export const PRODUCT_WRITE_COLUMNS: Record<string, keyof typeof p.$inferInsert> = {
  external_id: 'externalId',
  title: 'title',
  handle: 'handle',
  description: 'description',
  vendor: 'vendor',
  product_type: 'productType',
  status: 'status',
  sku: 'sku',
  price: 'price',
  currency: 'currency',
  tags: 'tags',
};

/** Parsed attributes → column values (the price is already an exact decimal string). */
export const toProductColumns = (attributes: Record<string, unknown>): Partial<typeof p.$inferInsert> =>
  Object.fromEntries(Object.entries(attributes).map(([name, value]) => [PRODUCT_WRITE_COLUMNS[name]!, value]));

/**
 * The create/PATCH body: `id` is not an attribute, but a client sending it means to change
 * it, so it is refused as read-only by name, like created_at and updated_at.
 */
export const parseProductAttributes = (body: unknown, mode: 'create' | 'update'): Record<string, unknown> => {
  const names = Object.keys(unwrapAttributes(body));
  const readOnly = names.filter((n) => n === 'id' || (n in productSpec.attributes && !productSpec.attributes[n]!.write));
  if (readOnly.length > 0) throw validationError(readOnly[0]!, `${readOnly.join(', ')} ${readOnly.length > 1 ? 'are' : 'is'} read-only`, { read_only: readOnly });
  return parseWritableAttributes(productSpec, body, mode);
};
