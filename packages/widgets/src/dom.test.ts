import { describe, expect, it } from 'vitest';
import { safeUrl } from './dom';

describe('safeUrl', () => {
  const base = 'https://shop.example/products/1';

  it('keeps http(s) URLs, resolving relative ones against the page', () => {
    expect(safeUrl('https://other-shop.example/products/3', base)).toBe('https://other-shop.example/products/3');
    expect(safeUrl('/products/2', base)).toBe('https://shop.example/products/2');
  });

  it('drops script and data URLs, empty values and non-strings', () => {
    for (const value of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>1</script>', 'vbscript:x', '', null, 42, {}]) {
      expect(safeUrl(value, base)).toBeUndefined();
    }
  });
});
