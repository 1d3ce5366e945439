// Applies and diffs the `prisma/migrations` folder with the wasm schema engine, so deployments and
// contributors need no native Prisma engine. The folder layout and the `_prisma_migrations` table are
// Prisma's own, so `prisma migrate status|deploy` agree wherever the native engine is available.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MigrationList, type SchemaFilter, withOfflineSchemaEngine, withSchemaEngine } from './schema-engine.js';

const noFilter: SchemaFilter = { externalTables: [], externalEnums: [] };

/** The directory holding package.json, found from this file so it works from `src/` and `dist/`. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

export function defaultMigrationsDir(): string {
  return join(projectRoot(), 'prisma', 'migrations');
}

export function defaultSchemaPath(): string {
  return join(projectRoot(), 'prisma', 'schema.prisma');
}

/** Reads a migrations folder the way the Prisma CLI does (a missing folder is an empty history). */
export async function readMigrations(migrationsDir = defaultMigrationsDir()): Promise<MigrationList> {
  const lockPath = 'migration_lock.toml';
  const lockContent = await readFile(join(migrationsDir, lockPath), 'utf8').catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: await readFile(join(migrationsDir, name, 'migration.sql'), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (error: Error) => ({ tag: 'error' as const, value: error.message }),
        ),
      },
    })),
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Applies the pending migrations and returns their names (none when the database is up to date). */
export async function applyMigrations(connectionString: string, migrationsDir = defaultMigrationsDir()): Promise<string[]> {
  const migrationsList = await readMigrations(migrationsDir);
  // An empty history would "succeed" and leave an app without tables, e.g. when prisma/ was not deployed.
  if (migrationsList.migrationDirectories.length === 0) throw new Error(`No migrations found in ${migrationsDir}`);
  const { appliedMigrationNames } = await withSchemaEngine(connectionString, (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilter }),
  );
  return appliedMigrationNames;
}

/**
 * The SQL that would take a database built from the migrations folder to `schema.prisma`; no drift
 * when {@link isEmptyMigration}. The engine replays the migrations in a temporary shadow database,
 * created next to `connectionString`'s database and dropped afterwards.
 */
export async function diffSchemaAgainstMigrations(
  connectionString: string,
  {
    migrationsDir = defaultMigrationsDir(),
    schemaPath = defaultSchemaPath(),
  }: { migrationsDir?: string; schemaPath?: string } = {},
): Promise<string> {
  const [migrationsList, schema] = await Promise.all([readMigrations(migrationsDir), readFile(schemaPath, 'utf8')]);
  const { stdout } = await withSchemaEngine(
    connectionString,
    (engine) =>
      engine.diff({
        from: { tag: 'migrations', ...migrationsList },
        to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
        script: true,
        exitCode: null,
        filters: noFilter,
      }),
    { shadowDatabase: true },
  );
  return stdout ?? '';
}

/** The SQL creating `schema.prisma` from nothing (the initial migration); needs no database. */
export async function diffSchemaFromEmpty(schemaPath = defaultSchemaPath()): Promise<string> {
  const schema = await readFile(schemaPath, 'utf8');
  const { stdout } = await withOfflineSchemaEngine((engine) =>
    engine.diff({
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    }),
  );
  return stdout ?? '';
}

/** True when a diff script has no statements (the engine says so in a comment). */
export function isEmptyMigration(script: string): boolean {
  return script.replace(/--[^\n]*/g, '').trim() === '';
}
