// Writes the migration that takes the migrations folder to prisma/schema.prisma:
// `node dist/cli/create-migration.js --name add_foo`. Stands in for `prisma migrate dev --create-only`,
// which needs the native schema engine. The migrations are replayed in a temporary shadow database on
// DATABASE_URL's server; DATABASE_URL's own database is not touched.
import './short-lived.js';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  defaultMigrationsDir,
  diffSchemaAgainstMigrations,
  isEmptyMigration,
  projectRoot,
  readMigrations,
} from '../database/migrator.js';

function fail(message: string): never {
  console.error(`create-migration: ${message}`);
  process.exit(1);
}

let name: string | undefined;
try {
  name = parseArgs({ options: { name: { type: 'string', short: 'n' } } }).values.name;
} catch (error) {
  fail(`${(error as Error).message}\nUsage: node dist/cli/create-migration.js --name add_foo`);
}
// Same shape as the names Prisma generates, so folders sort and read alike.
const slug = (name ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_+|_+$/g, '');
if (!slug) fail('a name is required: node dist/cli/create-migration.js --name add_foo');
const url = process.env.DATABASE_URL;
if (!url) fail('DATABASE_URL is not set (its server hosts the temporary shadow database).');

const migrationsDir = defaultMigrationsDir();
const directory = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${slug}`;
const existing = (await readMigrations(migrationsDir)).migrationDirectories.map((m) => m.path);
const last = existing.at(-1);
// Migrations apply in name order: one sorting before the last would never run where that one has.
if (last && directory <= last) fail(`${directory} would sort before the latest migration ${last}; check the clock.`);

try {
  const script = await diffSchemaAgainstMigrations(url, { migrationsDir });
  if (isEmptyMigration(script)) {
    console.log('No changes: the migrations already match prisma/schema.prisma.');
  } else {
    await mkdir(join(migrationsDir, directory), { recursive: true });
    const file = join(migrationsDir, directory, 'migration.sql');
    await writeFile(file, script, { flag: 'wx' });
    const lock = join(migrationsDir, 'migration_lock.toml');
    if (!existsSync(lock)) await writeFile(lock, 'provider = "postgresql"\n');
    console.log(`Created ${relative(projectRoot(), file)}`);
    console.log('Review it before committing: functions and triggers are not generated, add them by hand.');
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
