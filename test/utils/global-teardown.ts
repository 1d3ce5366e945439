import pg from 'pg';

export default async function globalTeardown() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = process.env.NEWSDESK_TEST_TEMPLATE_DB;
  if (!serverUrl || !template) return;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await client.end();
}
