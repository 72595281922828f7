// Bundles src/widgets.ts into dist/widgets.js and fails when the gzip size is over budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { WIDGETS_GZIP_BUDGET, widgetsScriptPath } from '../src/asset';

await build({
  entryPoints: [new URL('../src/widgets.ts', import.meta.url).pathname],
  outfile: widgetsScriptPath,
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'none',
});

const size = gzipSync(readFileSync(widgetsScriptPath), { level: 9 }).length;
console.log(`dist/widgets.js: ${size} bytes gzip (budget ${WIDGETS_GZIP_BUDGET})`);
if (size > WIDGETS_GZIP_BUDGET) {
  console.error(`dist/widgets.js is over its ${WIDGETS_GZIP_BUDGET}-byte gzip budget`);
  process.exit(1);
}
