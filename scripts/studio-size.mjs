// Build report of the Studio: what the first screen (sign-in, article list) loads, gzip-compressed,
// against the 300 KB budget; the lazily loaded screens are listed apart. Reads Vite's manifest.
//   node scripts/studio-size.mjs          a table
//   node scripts/studio-size.mjs --json   the same figures as JSON (used by a test)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join('studio', 'dist');
const BUDGET = 300 * 1024;
const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8'));

const gzipped = (file) => gzipSync(readFileSync(join(DIST, file))).length;

// The entry chunk and everything it imports statically: what a browser must load before the first paint.
function firstScreen(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) firstScreen(imported, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const initialKeys = firstScreen(entryKey);
const initial = [...initialKeys].flatMap((key) => [manifest[key].file, ...(manifest[key].css ?? [])]);
const lazy = Object.keys(manifest)
  .filter((key) => !initialKeys.has(key))
  .map((key) => manifest[key].file);
const row = (file) => ({ file, gzipBytes: gzipped(file) });
const report = {
  budgetBytes: BUDGET,
  firstScreen: initial.map(row),
  firstScreenScriptGzipBytes: initial.filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipped(f), 0),
  lazy: lazy.map(row),
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report));
} else {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log('First screen (loaded before sign-in and the article list show):');
  for (const { file, gzipBytes } of report.firstScreen) console.log(`  ${file.padEnd(44)} ${kb(gzipBytes).padStart(10)} gzip`);
  console.log(`  JavaScript total: ${kb(report.firstScreenScriptGzipBytes)} gzip (budget ${kb(BUDGET)})`);
  console.log('Loaded when opened:');
  for (const { file, gzipBytes } of report.lazy) console.log(`  ${file.padEnd(44)} ${kb(gzipBytes).padStart(10)} gzip`);
}
