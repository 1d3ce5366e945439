// `npm start` and the CLI scripts build first, but only when an input changed since the last build.
// "Changed" means different content, not a newer mtime: a fresh `npm install` rewrites
// package-lock.json, and a fresh clone dates every file now, yet neither changes what is built.
// Hashing the inputs takes some tens of milliseconds; it says what it builds and how long it took.
// The API is transpiled with SWC (the compiler the tests and `npm run dev` use): about 2 s, and it never
// fails on a type error. Type errors are `npm test`'s and `npm run typecheck`'s to report; the
// Docker image still builds with tsc (`npm run build`).
//   node scripts/build-if-stale.mjs            the API (SWC -> dist/) and the GraphQL IDE (esbuild -> dist/ide/)
//   node scripts/build-if-stale.mjs --studio   the API and the Studio (vite -> studio/dist/)
//   node scripts/build-if-stale.mjs --only-studio   the Studio alone (the browser tests' global setup)
// Two runs at once (two Jest workers about to run the built CLI, `npm start` beside `npm run user:create`)
// would delete each other's output mid-build: a stale build takes dist/.build-lock, and a second run
// waits for it, then checks again and finds the work done.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildIde, isIdeFresh } from './build-ide.mjs';

const TARGETS = [
  {
    name: 'the API',
    tool: 'swc',
    stamp: join('dist', '.build-stamp'),
    inputs: ['src', '.swcrc', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    run: transpileApi,
  },
  {
    name: 'the Studio',
    tool: 'vite',
    stamp: join('studio', 'dist', '.build-stamp'),
    inputs: ['studio/src', 'studio/index.html', 'studio/vite.config.ts', 'studio/package.json', 'package-lock.json'],
    command: ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    cwd: 'studio',
    // Jest sets NODE_ENV=test, with which Vite would bundle React's development build.
    env: { NODE_ENV: 'production' },
    studio: true,
  },
];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => files(join(path, entry)));
}

function fingerprint(inputs) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(files)) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

// src/**/*.ts (tests aside) -> dist/**/*.js with source maps, as tsc -p tsconfig.build.json lays it out.
// Old output goes first (a deleted source must not linger), all but the IDE bundle, which has its own stamp.
async function transpileApi() {
  const { transformFile } = await import('@swc/core');
  const options = JSON.parse(readFileSync('.swcrc', 'utf8'));
  const sources = files('src').filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith('.d.ts'));
  for (const entry of existsSync('dist') ? readdirSync('dist') : []) {
    if (entry !== 'ide' && entry !== basename(LOCK)) rmSync(join('dist', entry), { recursive: true, force: true });
  }
  await Promise.all(
    sources.map(async (file) => {
      const out = join('dist', relative('src', file)).replace(/\.ts$/, '.js');
      const { code, map } = await transformFile(file, {
        ...options,
        swcrc: false,
        filename: file,
        sourceFileName: relative(dirname(out), file),
      });
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${code}\n//# sourceMappingURL=${basename(out)}.map\n`);
      if (map) writeFileSync(`${out}.map`, map);
    }),
  );
}

async function build(target, hash) {
  process.stdout.write(`Building ${target.name} (${target.tool})… `);
  const started = Date.now();
  if (target.run) {
    await target.run();
    writeFileSync(target.stamp, `${hash}\n`);
    console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  const cwd = target.cwd ?? '.';
  const script = join(process.cwd(), target.command[0]);
  const env = { ...process.env, ...target.env };
  const result = spawnSync(process.execPath, [script, ...target.command.slice(1)], { stdio: 'inherit', cwd, env });
  if (result.status !== 0) {
    console.error(`\nBuilding ${target.name} failed.`);
    process.exit(result.status ?? 1);
  }
  writeFileSync(target.stamp, `${hash}\n`);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const LOCK = join('dist', '.build-lock');

function holderAlive() {
  let pid;
  try {
    pid = Number(readFileSync(LOCK, 'utf8'));
  } catch {
    return true; // just released: the next try takes it
  }
  // Not written yet (the holder has just created it): count it as alive.
  if (!pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function lock() {
  mkdirSync('dist', { recursive: true });
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      // Released however this run ends (a failed build exits from build()).
      process.on('exit', () => rmSync(LOCK, { force: true }));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    // A holder that died (killed mid-build) leaves its lock behind.
    if (!holderAlive()) rmSync(LOCK, { force: true });
    else await sleep(100);
  }
}

const onlyStudio = process.argv.includes('--only-studio');
const wanted = TARGETS.filter((target) => (target.studio ? onlyStudio || process.argv.includes('--studio') : !onlyStudio));
function check() {
  const checked = Date.now();
  const checks = wanted.map((target) => {
    const hash = fingerprint(target.inputs);
    const built = existsSync(target.stamp) ? readFileSync(target.stamp, 'utf8').trim() : '';
    return { target, hash, fresh: built === hash };
  });
  // The GraphQL IDE's bundle keeps its own freshness check (build-ide.mjs: its sources and the bundled
  // packages' versions); a few stat calls when fresh.
  const ideStale = !onlyStudio && !isIdeFresh();
  return { checks, ideStale, stale: ideStale || checks.some((c) => !c.fresh), ms: Date.now() - checked };
}

let state = check();
if (state.stale) {
  await lock();
  state = check();
}
const current = state.checks.filter((c) => c.fresh).map((c) => c.target.name);
if (current.length) console.log(`Up to date: ${current.join(' and ')} (checked in ${state.ms} ms)`);
for (const { target, hash } of state.checks.filter((c) => !c.fresh)) await build(target, hash);
if (state.ideStale) await buildIde();
