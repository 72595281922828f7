import { z } from 'zod';

export const CUSTOM_FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'date', 'datetime'] as const;

export const ZCustomField = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _, starting with a letter'),
  type: z.enum(CUSTOM_FIELD_TYPES),
  required: z.boolean().default(false),
});

export const ZCustomFields = z
  .array(ZCustomField)
  .min(1)
  .max(100)
  .refine((fields) => new Set(fields.map((f) => f.name)).size === fields.length, 'field names must be unique');

export type CustomField = z.infer<typeof ZCustomField>;

const FIELD_SCHEMAS: Record<CustomField['type'], z.ZodType> = {
  string: z.string().max(10_000),
  number: z.number().finite(),
  integer: z.number().int(),
  boolean: z.boolean(),
  date: z.iso.date(),
  datetime: z.iso.datetime({ offset: true }),
};

/** The schema a record's `data` must satisfy under a definition: declared fields only, typed. */
export const recordSchemaFor = (fields: readonly CustomField[]) =>
  z.strictObject(
    Object.fromEntries(fields.map((f) => [f.name, f.required ? FIELD_SCHEMAS[f.type] : FIELD_SCHEMAS[f.type].nullable().optional()])),
  );
