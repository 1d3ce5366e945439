// Getting a benchmark database ready: created if missing, migrated with the app's own migrator.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_ATTEMPTS = 5;
const BUILD_RETRY_MS = 60_000;

/** 10000 -> "10k", 1000000 -> "1m": the suffix of the default database name. */
export function sizeLabel(articles: number): string {
  if (articles >= 1_000_000 && articles % 1_000_000 === 0) return `${articles / 1_000_000}m`;
  if (articles >= 1000 && articles % 1000 === 0) return `${articles / 1000}k`;
  return String(articles);
}

export function defaultDatabaseUrl(articles: number): string {
  return `postgresql://postgres@127.0.0.1:5432/newsdesk_bench_${sizeLabel(articles)}`;
}

/** Creates the database named in `url` unless it exists; returns whether it did. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error(`No database name in ${url}`);
  // CREATE DATABASE cannot run inside the database it creates, so go through the maintenance one.
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  } finally {
    await client.end();
  }
}

/** Applies pending migrations with `node dist/cli/migrate.js`, building dist/ first if it is missing. */
export async function migrate(url: string): Promise<void> {
  const migrator = `${PROJECT_ROOT}dist/cli/migrate.js`;
  if (!existsSync(migrator)) await build();
  const result = spawnSync(process.execPath, [migrator], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`Migrations failed (exit code ${result.status})`);
}

// src/ may be mid-edit in a working tree, so a failed build is retried for a few minutes.
async function build(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    console.log(`dist/ is missing: npm run build (attempt ${attempt}/${BUILD_ATTEMPTS})`);
    const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (result.status === 0) return;
    if (attempt === BUILD_ATTEMPTS) throw new Error('npm run build kept failing; fix the build and run again');
    console.log(`Build failed; retrying in ${BUILD_RETRY_MS / 1000} s`);
    await sleep(BUILD_RETRY_MS);
  }
}
