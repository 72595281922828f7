// Sums every vitest JSON report under apps/ and packages/ into one closing line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = process.argv[2] ?? process.cwd();
const lineOnly = process.argv.includes('--line-only');
let passed = 0, failed = 0, skipped = 0;
const rows = [];
for (const group of ['apps', 'packages']) {
  for (const name of readdirSync(path.join(root, group))) {
    const report = path.join(root, group, name, 'test-results', 'vitest.json');
    if (!existsSync(report)) continue;
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    // A file that fails to load has no failed tests but a failed suite: count it too.
    failed += r.numFailedTests > 0 ? r.numFailedTests : (r.numFailedTestSuites ?? 0);
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    rows.push(`${group}/${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
  }
}
if (!lineOnly) for (const row of rows) console.log(row);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (!lineOnly && rows.length === 0) process.exit(1);
