import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import pg from 'pg';

// Undoes global-setup.ts: the migrated template database on a server, or the embedded database's
// snapshot file (about 40 MB in the temp directory) on PGlite.
export default async function globalTeardown() {
  const snapshot = process.env.NEWSDESK_TEST_PGLITE_SNAPSHOT;
  if (snapshot) await rm(dirname(snapshot), { recursive: true, force: true });
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = process.env.NEWSDESK_TEST_TEMPLATE_DB;
  if (!serverUrl || !template) return;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await client.end();
}
