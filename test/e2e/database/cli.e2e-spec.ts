import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../../src/database/embedded-postgres.js';
import { adminQuery, withDatabase } from '../../utils/test-database.js';
import { onPostgres } from '../../utils/on-postgres.js';

// `npm run db:migrate`, `db:seed` and `db:migration:create` run these entry points built, and so do
// these tests: one build-if-stale (a hash check when fresh) instead of every run compiling its import
// graph from source. Each runs against a blank database of its own. Asynchronously: the embedded
// server lives in this test process and must keep answering while the tool runs.
function runCli(script: string, databaseUrl: string, args: string[] = []) {
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [`dist/cli/${script}.js`, ...args],
      { env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl }, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('database command-line tools', () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const name = `newsdesk_cli_${Date.now()}`;
  let embedded: EmbeddedPostgres | undefined;
  let url: string;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (serverUrl) {
      await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
      url = withDatabase(serverUrl, name);
    } else {
      embedded = await startEmbeddedPostgres();
      url = embedded.url;
    }
  });
  afterAll(async () => {
    await embedded?.stop();
    if (serverUrl) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('migrates a blank database, then finds nothing pending', async () => {
    const first = await runCli('migrate', url);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Applied 20261128000000_init');
    const second = await runCli('migrate', url);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('No pending migrations');
  });

  it('seeds idempotently', async () => {
    for (let run = 0; run < 2; run++) {
      const result = await runCli('seed', url);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/Seeded 7 demo articles/);
    }
  });

  onPostgres(it, 'create-migration against a shadow database')(
    'creates no migration when schema.prisma and the migrations agree',
    async () => {
      const result = await runCli('create-migration', url, ['--name', 'nothing_to_do']);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/No changes/i);
    },
  );

  it('refuses to run without DATABASE_URL', () => {
    const result = spawnSync(process.execPath, ['dist/cli/migrate.js'], {
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('DATABASE_URL is not set');
  });
});
