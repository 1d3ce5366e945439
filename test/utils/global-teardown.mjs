import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import pg from 'pg';
import { settledSteps } from './global-setup-steps.mjs';

// Undoes the global setups: the embedded database's snapshot file (about 40 MB in the temp
// directory), and on a server the migrated template database, or the whole scratch cluster. From what
// the steps made, not from process.env: a step one setup started ahead may have had no project to use it.
// The names are test-database.ts's SNAPSHOT_ENV and TEMPLATE_ENV (a .ts module this plain one cannot import).
export default async function globalTeardown() {
  const made = Object.assign({}, ...(await settledSteps()));
  if (made.NEWSDESK_TEST_PGLITE_SNAPSHOT) await rm(dirname(made.NEWSDESK_TEST_PGLITE_SNAPSHOT), { recursive: true, force: true });
  if (globalThis.scratchPostgres) return globalThis.scratchPostgres.stop();
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = made.NEWSDESK_TEST_TEMPLATE_DB;
  if (!serverUrl || !template) return;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await client.end();
}
