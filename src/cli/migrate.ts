// Applies pending migrations to DATABASE_URL: `node dist/cli/migrate.js`. Stands in for
// `prisma migrate deploy`, which needs the native schema engine.
import './short-lived.js';
import { applyMigrations, defaultMigrationsDir } from '../database/migrator.js';
import { loadEnvFile } from '../config/env-file.js';

// DATABASE_URL may come from .env, as for `npm start`.
loadEnvFile();
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('migrate: DATABASE_URL is not set.');
  process.exit(2);
}

const started = Date.now();
try {
  const applied = await applyMigrations(url);
  for (const name of applied) console.log(`Applied ${name}`);
  const summary = applied.length === 0 ? 'No pending migrations' : `${applied.length} migration(s) applied`;
  console.log(`${summary} from ${defaultMigrationsDir()} (${Date.now() - started} ms).`);
} catch (error) {
  console.error(`migrate: ${error instanceof Error ? error.message : String(error)}`);
  const failed = error instanceof Error ? /Migration (\S+) failed|`(\S+)` migration started/.exec(error.message) : null;
  if (failed) {
    // A migration runs as one implicit transaction, so a failed one left nothing behind (unless it
    // commits on its own); once fixed, it only has to be marked rolled back to be retried.
    const name = failed[1] ?? failed[2];
    console.error(
      `\nFix the migration or the database, then mark it rolled back and run migrate again:\n` +
        `  UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "migration_name" = '${name}' AND "finished_at" IS NULL;\n` +
        `(or \`prisma migrate resolve --rolled-back ${name}\` where the native Prisma engine is available)`,
    );
  }
  process.exitCode = 1;
}
