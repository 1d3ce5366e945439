import { execFile } from 'node:child_process';
import { startScratchPostgres } from './scratch-postgres.mjs';

// What the two global setups do (global-setup.mjs for the projects on a server, global-setup-pglite.mjs
// for the `embedded` project). Jest runs them one after the other, in whichever order its first test
// needs, while the workers wait: so each step is a child process started at most once per run and
// shared through `globalThis` (both setups run in Jest's main process), and a setup also starts the
// other one's steps when that project is selected. On two cores the steps then overlap instead of
// queueing (~25 s in a row on a fresh clone: the scratch server and its template, the PGlite snapshot,
// the IDE and Studio bundles).

const started = (globalThis.newsdeskTestSetup ??= new Map());

/** Starts `step` once per run; every caller gets the same promise. */
function once(name, step) {
  if (!started.has(name)) {
    const promise = step();
    // Awaited by whichever setup needs it; one that only ran ahead must not crash the run unawaited.
    promise.catch(() => undefined);
    started.set(name, promise);
  }
  return started.get(name);
}

function run(args, env = process.env) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${args.join(' ')} failed: ${error.message}\n${stderr}`));
        return;
      }
      resolve(stdout);
    });
  });
}

/**
 * Migrates the database spec files start from: a template database on the server `env` names, or,
 * without TEST_DATABASE_URL in `env`, a PGlite snapshot. Resolves to the environment the spec files
 * need (see test-database.ts), which the caller puts into process.env.
 */
function prepareTestDatabase(env) {
  // In a child process, which compiles the app's TypeScript.
  return run(['--import', '@swc-node/register/esm-register', 'test/utils/prepare-test-database.ts'], env).then((stdout) =>
    JSON.parse(stdout),
  );
}

/**
 * The server projects' database: a template on the server TEST_DATABASE_URL names, else on a scratch
 * cluster made for this run (scratch-postgres.mjs, which global-teardown.mjs stops), else, where no
 * server can run here, the PGlite snapshot.
 */
export function prepareServerDatabase() {
  return once('server database', async () => {
    if (!process.env.TEST_DATABASE_URL) {
      const scratch = await startScratchPostgres();
      if (scratch) {
        globalThis.scratchPostgres = scratch;
        process.env.TEST_DATABASE_URL = scratch.url;
      }
    }
    return process.env.TEST_DATABASE_URL ? prepareTestDatabase(process.env) : preparePgliteSnapshot();
  });
}

/** The `embedded` project's migrated PGlite snapshot, whatever TEST_DATABASE_URL says. */
export function preparePgliteSnapshot() {
  return once('pglite snapshot', () => {
    const env = { ...process.env };
    delete env.TEST_DATABASE_URL;
    return prepareTestDatabase(env);
  });
}

/** The bundles the app serves, before any spec runs, so no two workers build them at once. */
export const buildTestAssets = () =>
  once('assets', () =>
    Promise.all([
      // The GraphQL IDE's bundle, when stale.
      run(['scripts/build-ide.mjs', '--if-stale']),
      // The Studio's browser tests need its build; a no-op when studio/ has not changed since the last one.
      run(['scripts/build-if-stale.mjs', '--only-studio']),
    ]).then(() => undefined),
  );

/** What every step started in this run resolved to (global-teardown.mjs removes what they made). */
export async function settledSteps() {
  const results = await Promise.allSettled(started.values());
  return results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
}

/** Whether this run includes the Jest project `name` (all do unless --selectProjects says otherwise). */
export const selects = (globalConfig, name) => !globalConfig.selectProjects || globalConfig.selectProjects.includes(name);
