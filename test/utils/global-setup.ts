import { execFileSync } from 'node:child_process';

// Migrates one database per test run; spec files clone it (see test-database.ts).
export default function globalSetup() {
  const output = execFileSync(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'test/utils/prepare-test-database.ts'],
    {
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  Object.assign(process.env, JSON.parse(output.toString('utf8')));
  // The GraphQL IDE's bundle (when stale), once before any spec runs, so no two workers build it at once.
  execFileSync(process.execPath, ['scripts/build-ide.mjs', '--if-stale'], { stdio: ['ignore', 'ignore', 'inherit'] });
  // The Studio's browser tests need its build; a no-op when studio/ has not changed since the last one.
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs', '--only-studio'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
