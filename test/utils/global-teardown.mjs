import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import pg from 'pg';

// Undoes the global setups: the embedded database's snapshot file (about 40 MB in the temp
// directory), and on a server the migrated template database, or the whole scratch cluster.
export default async function globalTeardown() {
  const snapshot = process.env.NEWSDESK_TEST_PGLITE_SNAPSHOT;
  if (snapshot) await rm(dirname(snapshot), { recursive: true, force: true });
  if (globalThis.scratchPostgres) return globalThis.scratchPostgres.stop();
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = process.env.NEWSDESK_TEST_TEMPLATE_DB;
  if (!serverUrl || !template) return;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await client.end();
}
