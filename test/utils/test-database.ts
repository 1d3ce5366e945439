import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import pg from 'pg';

export interface TestDatabase {
  readonly url: string;
  /** Connections the app may open: the embedded server serves one at a time. */
  readonly poolSize: number;
  /** PGlite: every connection shares one session, so the app must not name statements (app-config.ts). */
  readonly singleSession: boolean;
  drop(): Promise<void>;
}

export const TEMPLATE_ENV = 'NEWSDESK_TEST_TEMPLATE_DB';
export const SNAPSHOT_ENV = 'NEWSDESK_TEST_PGLITE_SNAPSHOT';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

// Each spec file gets a database of its own, cloned from one migrated in global setup: on the
// PostgreSQL named by TEST_DATABASE_URL a CREATE DATABASE ... TEMPLATE, else a fresh embedded
// PGlite loaded from a migrated snapshot.
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? cloneTemplate(serverUrl) : startEmbeddedFromSnapshot();
}

async function cloneTemplate(serverUrl: string): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error(`${TEMPLATE_ENV} is not set: global setup did not run`);
  const name = `newsdesk_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    url: withDatabase(serverUrl, name),
    poolSize: 5,
    singleSession: false,
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function startEmbeddedFromSnapshot(): Promise<TestDatabase> {
  const snapshot = process.env[SNAPSHOT_ENV];
  if (!snapshot) throw new Error(`${SNAPSHOT_ENV} is not set: global setup did not run`);
  const embedded = await startEmbeddedPostgres({ snapshot: new Blob([await readFile(snapshot)]) });
  return { url: embedded.url, poolSize: 1, singleSession: true, drop: () => embedded.stop() };
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
