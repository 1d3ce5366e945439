import { execFileSync } from 'node:child_process';

// What both global setups do (global-setup.mjs on a server, global-setup-pglite.mjs on PGlite).

/** Migrates the database spec files start from, as `env` says, and puts where it is into process.env. */
export function prepareTestDatabase(env) {
  // Without a server both setups would make a PGlite snapshot: one is enough.
  if (!env.TEST_DATABASE_URL && process.env.NEWSDESK_TEST_PGLITE_SNAPSHOT) return;
  // In a child process, which compiles the app's TypeScript.
  const output = execFileSync(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'test/utils/prepare-test-database.ts'],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  Object.assign(process.env, JSON.parse(output.toString('utf8')));
}

/** The bundles the app serves, once before any spec runs, so no two workers build them at once. */
export function buildTestAssets() {
  // The GraphQL IDE's bundle, when stale.
  execFileSync(process.execPath, ['scripts/build-ide.mjs', '--if-stale'], { stdio: ['ignore', 'ignore', 'inherit'] });
  // The Studio's browser tests need its build; a no-op when studio/ has not changed since the last one.
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs', '--only-studio'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
