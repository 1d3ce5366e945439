import { buildTestAssets, prepareTestDatabase } from './global-setup-steps.mjs';
import { startScratchPostgres } from './scratch-postgres.mjs';

// Global setup of the projects on a PostgreSQL server (service, e2e): the server named by
// TEST_DATABASE_URL, else a scratch cluster for this run (scratch-postgres.mjs), which
// global-teardown.mjs stops. Migrates one template database there; spec files clone it
// (test-database.ts). Plain ES modules: Jest imports these as they are, with no transform.
export default async function globalSetup() {
  if (!process.env.TEST_DATABASE_URL) {
    const scratch = await startScratchPostgres();
    if (scratch) {
      globalThis.scratchPostgres = scratch;
      process.env.TEST_DATABASE_URL = scratch.url;
    }
  }
  prepareTestDatabase(process.env);
  buildTestAssets();
}
