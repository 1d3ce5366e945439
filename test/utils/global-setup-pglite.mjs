import { buildTestAssets, prepareTestDatabase } from './global-setup-steps.mjs';

// Global setup of the `embedded` project: its spec files run on PGlite, the app's embedded default,
// whatever TEST_DATABASE_URL says, each loaded from one migrated snapshot (test-database.ts).
export default function globalSetup() {
  const env = { ...process.env };
  delete env.TEST_DATABASE_URL;
  prepareTestDatabase(env);
  buildTestAssets();
}
