import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { applyMigrations } from '../../src/database/migrator.js';
import { SNAPSHOT_ENV, TEMPLATE_ENV, adminQuery, withDatabase } from './test-database.js';

// Run once per test run by global-setup-steps.mjs (in a child process, which compiles the app's
// TypeScript). Prints the environment the spec files need, as JSON.
async function main() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = `newsdesk_test_template_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${template}`);
    await applyMigrations(withDatabase(serverUrl, template));
    return { [TEMPLATE_ENV]: template };
  }
  return { [SNAPSHOT_ENV]: await migratedPgliteSnapshot() };
}

async function migratedPgliteSnapshot(): Promise<string> {
  const embedded = await startEmbeddedPostgres();
  try {
    await applyMigrations(embedded.url);
    const file = join(mkdtempSync(join(tmpdir(), 'newsdesk-template-')), 'migrated.tar');
    await writeFile(file, Buffer.from(await (await embedded.snapshot()).arrayBuffer()));
    return file;
  } finally {
    await embedded.stop();
  }
}

main().then(
  (env) => process.stdout.write(JSON.stringify(env)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
