import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BUILD_SCRIPT = fileURLToPath(new URL('../../scripts/build-ide.mjs', import.meta.url));

// The IDE's bundle is built by `npm run build` / `npm start`; the e2e global setup builds it here when
// it is missing or stale (a few seconds, once), as `npm start` does. Specs that need it call this too,
// which is a few stat calls once the setup has built it.
export function ensureIdeBuilt(): void {
  const result = spawnSync(process.execPath, [BUILD_SCRIPT, '--if-stale'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Building the GraphQL IDE failed:\n${result.stdout}\n${result.stderr}`);
}
