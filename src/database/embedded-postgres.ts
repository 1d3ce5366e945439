import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A postgres:// URL that reaches the embedded server through a private Unix socket. */
  readonly url: string;
  /** Resolves once no client is connected, so the next client is not refused (one session at a time). */
  waitUntilIdle(): Promise<void>;
  stop(): Promise<void>;
}

// PGlite is PostgreSQL compiled to WebAssembly. Serving it over the wire protocol lets the app use the
// very same pg + Prisma adapter path as a real server, so there is one data-access code path. It serves
// one session at a time, which is why callers must use a pool of size 1 against it.
// dataDir undefined keeps the database in memory (tests).
export async function startEmbeddedPostgres(dataDir: string | undefined): Promise<EmbeddedPostgres> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? join(dataDir, 'pgdata') : undefined);
  // A Unix socket in a private temp directory: no port to collide with, nothing reachable from outside.
  const socketDir = mkdtempSync(join(tmpdir(), 'newsdesk-pg-'));
  const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432'), maxConnections: 1 });
  await server.start();
  return {
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`,
    async waitUntilIdle() {
      for (let waited = 0; server.getStats().activeConnections > 0 && waited < 5000; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async stop() {
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
