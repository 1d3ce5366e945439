// `npm test`: the static checks (the commands of `npm run typecheck` and `npm run lint`, read from
// package.json so they are written once) and Jest (`npm run test:jest`, with this script's arguments),
// at the same time. Jest alone leaves part of the two cores idle: while its global setup makes the
// databases and bundles, and while its last workers finish; the checks, each single-threaded, run one
// after another in that room instead of ~35 s on both cores before Jest starts. Jest prints as it
// goes; each check prints when it ends (never interleaved inside a command's output). Any failure
// fails the whole, after both have finished. (A few lines of child_process rather than another
// dependency such as concurrently.)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// The root tsc first: the longest, and the one a failing change most often trips.
const CHECKS = [scripts.typecheck, scripts.lint]
  .flatMap((script) => script.split('&&'))
  .map((command) => command.trim().split(/\s+/));

function check([command, ...args]) {
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

async function staticChecks() {
  let ok = true;
  for (const command of CHECKS) ok = (await check(command)) && ok;
  return ok;
}

function jest() {
  const [command, ...args] = scripts['test:jest'].split(/\s+/);
  return new Promise((resolve) => {
    const child = spawn(command === 'node' ? process.execPath : command, [...args, ...process.argv.slice(2)], {
      stdio: 'inherit',
    });
    child.on('close', (code) => resolve(code === 0));
  });
}

const [checksPassed, testsPassed] = await Promise.all([staticChecks(), jest()]);
if (!checksPassed) process.stdout.write('\nnpm test: a static check failed (above).\n');
process.exit(checksPassed && testsPassed ? 0 : 1);
