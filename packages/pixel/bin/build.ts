// Bundles src/pixel.ts into dist/pixel.js and fails when the gzip size is over budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { PIXEL_GZIP_BUDGET, pixelScriptPath } from '../src/asset';

await build({
  entryPoints: [new URL('../src/pixel.ts', import.meta.url).pathname],
  outfile: pixelScriptPath,
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'none',
});

const size = gzipSync(readFileSync(pixelScriptPath), { level: 9 }).length;
console.log(`dist/pixel.js: ${size} bytes gzip (budget ${PIXEL_GZIP_BUDGET})`);
if (size > PIXEL_GZIP_BUDGET) {
  console.error(`dist/pixel.js is over its ${PIXEL_GZIP_BUDGET}-byte gzip budget`);
  process.exit(1);
}
