import { spawnSync } from 'node:child_process';

// The IDE's bundle is built by `npm run build` / `npm start`; tests build it here when it is missing or
// stale (a few seconds, once), exactly as `npm start` does.
export function ensureIdeBuilt(): void {
  const result = spawnSync(process.execPath, ['scripts/build-ide.mjs', '--if-stale'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Building the GraphQL IDE failed:\n${result.stdout}\n${result.stderr}`);
}
