import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { SNAPSHOT_ENV } from './test-database.js';

/** A new DATA_DIR for the app or a tool to open, with no data in it. */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'newsdesk-embedded-'));
}

// A DATA_DIR holding a migrated database without a row in it: what a fresh directory is once a first
// start has migrated it. Loaded from the migrated snapshot the embedded project's global setup makes
// (test-database.ts), which skips PGlite's initdb, the slowest step of a first start. When that
// project is not in the run there is no snapshot: the directory is then left fresh, which the app
// or tool that opens it initialises and migrates, reaching the same state the slow way.
export async function migratedDataDir(): Promise<string> {
  const dataDir = freshDataDir();
  const snapshot = process.env[SNAPSHOT_ENV];
  if (snapshot) await (await startEmbeddedPostgres({ dataDir, snapshot: new Blob([await readFile(snapshot)]) })).stop();
  return dataDir;
}
