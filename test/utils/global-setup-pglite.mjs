import { buildTestAssets, preparePgliteSnapshot, prepareServerDatabase, selects } from './global-setup-steps.mjs';

// Global setup of the `embedded` project: its spec files run on PGlite, the app's embedded default,
// whatever TEST_DATABASE_URL says, each loaded from one migrated snapshot (test-database.ts). The server
// projects' database is started beside it when they are in the run (global-setup-steps.mjs).
export default async function globalSetup(globalConfig) {
  if (selects(globalConfig, 'e2e') || selects(globalConfig, 'service')) void prepareServerDatabase();
  const [env] = await Promise.all([preparePgliteSnapshot(), buildTestAssets()]);
  Object.assign(process.env, env);
}
