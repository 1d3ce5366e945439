// Summarises a sampled allocation profile (bench/profile/heap-sampler.mjs): bytes by allocating function
// (self) and by package, as shares of the total.
//   node bench/profile/heap-summary.mjs FILE.heapprofile [--top 40]
import { readFileSync } from 'node:fs';
const [file, , topArg] = process.argv.slice(2);
const top = Number(topArg ?? 40);
const { head } = JSON.parse(readFileSync(file, 'utf8'));
const byFunction = new Map();
const byPackage = new Map();
const inclusive = new Map();
let total = 0;
const where = ({ functionName, url, lineNumber }) =>
  `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|dist|gcheap-before)\//, '$1/')}:${lineNumber + 1}`;
const packageOf = (url) => {
  const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (/\/(dist|gcheap-before)\//.test(url))
    return `app ${url
      .replace(/^.*\/(dist|gcheap-before)\//, '')
      .split('/')
      .slice(0, -1)
      .join('/')}`;
  return url.startsWith('node:') ? 'node:' + url.slice(5).split('/')[0] : url || '(native)';
};
function walk(node, stack) {
  const self = node.selfSize;
  total += self;
  const key = where(node.callFrame);
  byFunction.set(key, (byFunction.get(key) ?? 0) + self);
  const pkg = packageOf(node.callFrame.url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + self);
  const next = new Set(stack);
  next.add(key);
  for (const child of node.children) walk(child, next);
  // Inclusive: this node's bytes count once for every distinct frame on its stack.
  for (const k of next) inclusive.set(k, (inclusive.get(k) ?? 0) + self);
}
walk(head, new Set());
const show = (title, map) => {
  console.log(`\n${title} (total ${(total / 1048576).toFixed(1)} MB sampled)`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
};
show('self, by function', byFunction);
show('self, by package', byPackage);
if (process.argv.includes('--inclusive')) show('inclusive, by function', inclusive);
