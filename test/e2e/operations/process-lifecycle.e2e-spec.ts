import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { ContentFactory } from '../../factories/content.factory.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { onPostgres } from '../../utils/on-postgres.js';
import { captureLogs } from '../../utils/log-capture.js';
import { TcpProxy } from '../../utils/tcp-proxy.js';
import { createTestDatabase, type TestDatabase } from '../../utils/test-database.js';
import { waitFor } from '../../utils/wait-for.js';

const ROOT = resolve('.');
// The real entry point, from source. The TypeScript loader is registered by absolute URL, so the
// entry point also runs from another working directory (to read that directory's .env).
const LOADER = pathToFileURL(join(ROOT, 'node_modules/@swc-node/register/esm/esm.mjs')).href;
const MAIN = [
  '--import',
  `data:text/javascript,import{register}from'node:module';register('${LOADER}')`,
  join(ROOT, 'src/main.ts'),
];
const SWC_ENV = { SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json') };

function runMain(env: Record<string, string>, cwd = ROOT) {
  return spawnSync(process.execPath, MAIN, {
    env: { PATH: process.env.PATH, ...SWC_ENV, ...env },
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

// A wrong configuration must stop the real entry point with one message naming every bad variable.
describe('start-up with bad configuration', () => {
  it('exits with status 1 and lists each bad variable', () => {
    const result = runMain({ PORT: 'http', LOG_LEVEL: 'chatty', DATABASE_URL: 'mysql://x/y' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration:');
    for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL']) expect(result.stderr).toContain(`- ${name}:`);
  });

  it('reads .env from the working directory, and the real environment wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-dotenv-'));
    try {
      writeFileSync(join(dir, '.env'), 'PORT=http\nLOG_LEVEL=chatty\n');
      const result = runMain({ LOG_LEVEL: 'info' }, dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('- PORT:');
      expect(result.stderr).not.toContain('LOG_LEVEL');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('start-up on a busy port', () => {
  let busy: Server;
  let port: number;
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-busy-port-'));

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((done) => busy.close(done));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops with one clear line before writing anything: no database, no admin, no password', async () => {
    const child = spawn(process.execPath, MAIN, {
      env: { PATH: process.env.PATH, ...SWC_ENV, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir },
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((done) => child.on('exit', done));
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Port ${port} is already in use`))]);
    expect(stdout).not.toMatch(/password/i);
    // Not even the embedded database was created, let alone migrated, seeded or given an admin.
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });
});

// A request in flight when the process is told to stop still gets its answer. The request is held
// in flight by a table lock from a second connection, which the embedded server (one session) cannot
// offer, so this runs against a PostgreSQL server only.
const onServer = onPostgres(it, 'graceful shutdown under load');

describe('graceful shutdown', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await new ContentFactory(t.prisma).section({ slug: 'held', name: 'Held' });
  });
  afterAll(() => t.database.drop());

  onServer('finishes in-flight requests before closing', async () => {
    const locker = new pg.Client({ connectionString: t.database.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE sections IN ACCESS EXCLUSIVE MODE');

    const inFlight = t.graphql.post('{ sections { slug } }');
    await new Promise((resolve) => setTimeout(resolve, 200));
    let closed = false;
    const closing = t.app.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(false); // still waiting for the request

    await locker.query('COMMIT');
    await locker.end();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ sections: [{ slug: 'held' }] });
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`${t.baseUrl}/health`)).rejects.toThrow();
  });
});

const LOOPS = ['Job runner', 'Cache purge listener', 'Readiness check'];

// The database goes away under a running app (a proxy in front of PostgreSQL cuts every connection
// and refuses new ones), then comes back. Each loop that talks to it logs the outage once, with
// the reason on one line, retries with backoff, and logs the recovery once.
onPostgres(describe, 'an unreachable database (a server that can go away)')('an unreachable database', () => {
  const logs = captureLogs('info');
  let database: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = new URL(database.url);
    proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    // Retries at most every half second (production: 30 s), so a dozen attempts and the recovery take seconds.
    t = await createTestApp(
      { JOBS_POLL_INTERVAL_MS: '100', DATABASE_RETRY_MAX_MS: '500' },
      { ...database, url: url.toString() },
      { logger: logs.logger },
    );
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.stop();
    await database?.drop();
  });

  const ready = () => fetch(`${t.baseUrl}/health/ready`).then((response) => response.status);
  const linesAbout = (text: string) => logs.entries().filter((entry) => entry.msg.includes(text));

  it('logs one line when it goes down and one when it is back, with no stack trace meanwhile', async () => {
    expect(await ready()).toBe(200);
    await waitFor(async () => logs.entries().length > 0, 5000, 'the first log lines');
    const before = logs.entries().length;
    proxy.down();
    for (let probe = 0; probe < 3; probe++) expect(await ready()).toBe(503);
    // Every loop has retried several times by now; nothing more is logged for those retries.
    await waitFor(async () => proxy.attemptsWhileDown >= 12, 30_000, 'a dozen reconnection attempts');
    const during = logs.entries().slice(before);
    for (const loop of LOOPS) {
      expect(linesAbout(`${loop}: database unavailable`).map((entry) => entry.level)).toEqual([50]);
    }
    expect(during.filter((entry) => JSON.stringify(entry).includes('    at '))).toEqual([]);
    expect(during.length).toBeLessThan(12);

    proxy.restore();
    expect(await ready()).toBe(200);
    for (const loop of LOOPS) {
      await waitFor(async () => linesAbout(`${loop}: database reachable again`).length > 0, 60_000, `${loop} recovery`);
    }
    for (const loop of LOOPS) expect(linesAbout(`${loop}: database reachable again`)).toHaveLength(1);
  }, 120_000);
});
