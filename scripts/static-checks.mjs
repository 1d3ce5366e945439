// `npm test`'s static checks: the commands of `npm run lint` and `npm run typecheck` (read from
// package.json, so they are written once), run as many at a time as there are cores. Prettier,
// ESLint and dependency-cruiser are single-threaded; tsc is TypeScript 7's native compiler (a few
// seconds, on every core). Output is printed per command when
// it ends (never interleaved); any failure fails the whole. (A few lines of child_process rather
// than another dependency such as concurrently.)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// In this order two lanes finish close together: Prettier (the longest) on one, the rest on the other.
const CHECKS = [scripts.typecheck, scripts.lint]
  .flatMap((script) => script.split('&&'))
  .map((command) => command.trim().split(/\s+/));

function run([command, ...args]) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(`node_modules/.bin/${command}`, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n$ ${command} ${args.join(' ')}  (${code === 0 ? 'ok' : `exit ${code}`}, ${seconds} s)\n${output}`);
      resolve(code === 0);
    });
  });
}

const queue = [...CHECKS];
const lanes = Array.from({ length: Math.min(availableParallelism(), CHECKS.length) }, async () => {
  let ok = true;
  while (queue.length) ok = (await run(queue.shift())) && ok;
  return ok;
});
const passed = (await Promise.all(lanes)).every(Boolean);
process.exit(passed ? 0 : 1);
