import { describe, expect, it } from 'vitest';
import { recordSchemaFor, ZCustomFields } from './custom-data';

describe('custom data', () => {
  const fields = ZCustomFields.parse([
    { name: 'size', type: 'string', required: true },
    { name: 'rating', type: 'integer' },
    { name: 'birthday', type: 'date' },
  ]);

  it('validates records against their definition', () => {
    const schema = recordSchemaFor(fields);
    expect(schema.safeParse({ size: 'M', rating: 4, birthday: '1990-02-01' }).success).toBe(true);
    expect(schema.safeParse({ size: 'M' }).success).toBe(true);
    expect(schema.safeParse({ rating: 4 }).success).toBe(false);
    expect(schema.safeParse({ size: 'M', rating: 4.5 }).success).toBe(false);
    expect(schema.safeParse({ size: 'M', colour: 'red' }).success).toBe(false);
    expect(schema.safeParse({ size: 'M', birthday: 'yesterday' }).success).toBe(false);
  });

  it('refuses bad definitions', () => {
    expect(ZCustomFields.safeParse([{ name: 'Size', type: 'string' }]).success).toBe(false);
    expect(ZCustomFields.safeParse([{ name: 'a', type: 'string' }, { name: 'a', type: 'number' }]).success).toBe(false);
    expect(ZCustomFields.safeParse([{ name: 'a', type: 'colour' }]).success).toBe(false);
  });
});
