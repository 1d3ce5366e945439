import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { EmbeddedLock } from './embedded-lock.js';

const EMBEDDED_SOCKET_SLACK = 4;

export interface EmbeddedPostgres {
  /** A postgres:// URL that reaches the embedded server through a private Unix socket. */
  readonly url: string;
  /** The whole database as a tarball, to start other instances from (tests clone a migrated one). */
  snapshot(): Promise<Blob>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresSource {
  /** Directory to persist in; without one the database lives in memory. */
  dataDir?: string;
  /** Start from a snapshot() of another instance: in memory, or in a dataDir that has no database yet. */
  snapshot?: Blob;
}

// PGlite is PostgreSQL compiled to WebAssembly. Serving it over the wire protocol lets the app use the
// very same pg + Prisma adapter path as a real server, so there is one data-access code path. PGlite is
// a single session, so callers use one connection at a time (pool size 1). The server still accepts a
// few sockets: pg replaces a connection it dropped (e.g. after a query error) before the old socket has
// finished closing, and a server limited to one socket would refuse that replacement. A command-line
// tool (`npm run user:create`) also connects through it while the app runs: the socket server queues
// the statements of every connection and keeps those of one transaction together.
export async function startEmbeddedPostgres(source: EmbeddedPostgresSource = {}): Promise<EmbeddedPostgres> {
  // Only one process may open a data directory; the lock also tells tools where this one serves it.
  const lock = source.dataDir ? lockDataDir(source.dataDir) : undefined;
  try {
    return await serve(await openPglite(source), lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function serve(db: PGlite, lock: EmbeddedLock | undefined): Promise<EmbeddedPostgres> {
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  // A Unix socket in a private temp directory: no port to collide with, nothing reachable from outside.
  const socketDir = mkdtempSync(join(tmpdir(), 'newsdesk-pg-'));
  const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432'), maxConnections: EMBEDDED_SOCKET_SLACK });
  await server.start();
  const url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`;
  lock?.announce(url, socketDir);
  return {
    url,
    snapshot: () => db.dumpDataDir('none'),
    async stop() {
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
      lock?.release();
    },
  };
}

function lockDataDir(dataDir: string): EmbeddedLock {
  mkdirSync(dataDir, { recursive: true });
  return EmbeddedLock.acquire(dataDir);
}

// Loaded when an embedded database starts, never by a server with DATABASE_URL.
async function openPglite({ dataDir, snapshot }: EmbeddedPostgresSource): Promise<PGlite> {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  // Extensions the migrations create (pg_trgm: media library search); PGlite loads them on demand.
  const options = { extensions: { pg_trgm }, ...(snapshot && { loadDataDir: snapshot }) };
  return dataDir ? PGlite.create(join(dataDir, 'pgdata'), options) : PGlite.create(options);
}
