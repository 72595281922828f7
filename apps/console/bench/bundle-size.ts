/**
 * `pnpm bench` (after `vite build`): the JavaScript the browser must fetch before the console can
 * render — the entry script and its modulepreloads from dist/index.html — gzipped, against the
 * 250 KB budget. Lazy chunks (the usage charts) are listed separately; they load on demand.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;

let total = 0;
console.log('console bundle (gzip -9):');
for (const file of initial) {
  const size = gz(file);
  total += size;
  console.log(`  initial  ${size.toFixed(1).padStart(7)} KB  ${file}`);
}
for (const file of readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`))) {
  console.log(`  lazy     ${gz(`assets/${file}`).toFixed(1).padStart(7)} KB  assets/${file}`);
}
console.log(`initial JavaScript: ${total.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB) ${total <= BUDGET_KB ? 'OK' : 'OVER BUDGET'}`);
if (total > BUDGET_KB) process.exitCode = 1;
