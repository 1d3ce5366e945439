import { buildTestAssets, preparePgliteSnapshot, prepareServerDatabase, selects } from './global-setup-steps.mjs';

// Global setup of the projects on a PostgreSQL server (service, e2e): the server named by
// TEST_DATABASE_URL, else a scratch cluster for this run, with one migrated template database there
// that spec files clone (test-database.ts). The `embedded` project's snapshot is started beside it when
// that project is in the run (global-setup-steps.mjs). Plain ES modules: Jest imports these as they are,
// with no transform.
export default async function globalSetup(globalConfig) {
  if (selects(globalConfig, 'embedded')) void preparePgliteSnapshot();
  const [env] = await Promise.all([prepareServerDatabase(), buildTestAssets()]);
  Object.assign(process.env, env);
}
