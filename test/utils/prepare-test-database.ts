import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { applyMigrations } from '../../src/database/migrator.js';
import { SNAPSHOT_ENV, TEMPLATE_ENV, adminQuery, withDatabase } from './test-database.js';

// Run once per test run by global-setup.ts (in a child process, because Jest loads global setup as
// CommonJS while the app is ESM). Prints the environment the spec files need, as JSON.
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
  const db = await PGlite.create();
  const socketDir = mkdtempSync(join(tmpdir(), 'newsdesk-template-pg-'));
  const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432'), maxConnections: 1 });
  await server.start();
  try {
    await applyMigrations(`postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`);
  } finally {
    await server.stop();
  }
  const dump = await db.dumpDataDir('none');
  await db.close();
  const file = join(socketDir, 'migrated.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

main().then(
  (env) => process.stdout.write(JSON.stringify(env)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
