import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WIDGETS_GZIP_BUDGET, widgetsScriptPath } from '../src/asset';

describe('dist/widgets.js', () => {
  const source = readFileSync(widgetsScriptPath, 'utf8');

  it(`is at most ${WIDGETS_GZIP_BUDGET} bytes gzip`, () => {
    expect(gzipSync(source, { level: 9 }).length).toBeLessThanOrEqual(WIDGETS_GZIP_BUDGET);
  });

  it('is one classic script that ships no framework and never assigns innerHTML', () => {
    expect(source.startsWith('"use strict";(()=>{')).toBe(true);
    expect(source).not.toMatch(/\bimport\s*[({'"]|\brequire\(/);
    expect(source).not.toMatch(/react/i);
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
