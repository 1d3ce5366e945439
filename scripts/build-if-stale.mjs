// `npm start` and the CLI scripts build first, but only when a source changed since the last build:
// a full `tsc` takes seconds, checking mtimes takes milliseconds, so starting stays fast.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIde, isIdeFresh } from './build-ide.mjs';

const STAMP = join('dist', '.build-stamp');
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

// The GraphQL IDE's bundle has inputs and a stamp of its own (build-ide.mjs); a few stat calls when fresh.
if (!isIdeFresh()) await buildIde();

const newestInput = Math.max(...INPUTS.filter((path) => existsSync(path)).map(newestMtime));
if (existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestInput) process.exit(0);

const started = Date.now();
const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
// Stamped with the time the build started, so a file saved during the build triggers the next one.
writeFileSync(STAMP, `${new Date(started).toISOString()}\n`);
utimesSync(STAMP, new Date(started), new Date(started));
