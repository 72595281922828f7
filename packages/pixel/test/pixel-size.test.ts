import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PIXEL_GZIP_BUDGET, pixelScriptPath } from '../src/asset';

describe('dist/pixel.js', () => {
  const source = readFileSync(pixelScriptPath, 'utf8');

  it(`is at most ${PIXEL_GZIP_BUDGET} bytes gzip`, () => {
    expect(gzipSync(source, { level: 9 }).length).toBeLessThanOrEqual(PIXEL_GZIP_BUDGET);
  });

  it('is one self-contained classic script with no imports', () => {
    expect(source).not.toMatch(/\bimport\s*[({'"]|\brequire\(/);
    expect(source.startsWith('"use strict";(()=>{')).toBe(true);
  });
});
