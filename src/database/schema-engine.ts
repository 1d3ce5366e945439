// Prisma's schema engine compiled to WebAssembly, driven through the pg driver adapter. Prisma 7's CLI
// can only run the native engine, which cannot be downloaded on offline machines; the wasm build is
// the same engine (same SQL, same `_prisma_migrations` bookkeeping) and needs nothing but npm.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type * as Glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';

export type { DiffTarget, MigrationList, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';

export interface SchemaEngineOptions {
  /**
   * Let the engine create a temporary shadow database `<db>_shadow_<random>` on the same server
   * (needed to diff from a migrations folder). It is dropped when the engine is done.
   */
  shadowDatabase?: boolean;
  /** Receives the engine's JSON log lines. */
  log?: (line: string) => void;
}

// The project's lib (ES2023, no DOM) and @types/node 20 do not declare WebAssembly.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let glue: Promise<typeof Glue> | undefined;

// The engine arms a JS timer for every timeout it guards (10 s for the migration lock, ...) and never
// clears it, so a finished command would keep Node alive that long. Its timers are tracked and
// cleared once no engine is running, when nothing can be waiting for them.
const engineTimers = new Set<NodeJS.Timeout>();
let runningEngines = 0;

function engineSetTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    engineTimers.delete(timer);
    callback();
  }, ms >>> 0);
  engineTimers.add(timer);
  return timer;
}

// The package's main entry imports the .wasm file as an ES module, which Node cannot do without a
// flag; so the glue is imported alone and the wasm instantiated by hand, once per process.
function loadGlue(): Promise<typeof Glue> {
  glue ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const module = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
    const imports: Record<string, unknown> = { ...module };
    for (const name of Object.keys(imports)) if (name.startsWith('__wbg_setTimeout_')) imports[name] = engineSetTimeout;
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': imports });
    module.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return module;
  })().catch((error: unknown) => {
    glue = undefined;
    throw error;
  });
  return glue;
}

/**
 * Runs `fn` with a schema engine connected to `connectionString`, then frees the engine, closes
 * every connection it opened and drops the shadow database if one was made.
 */
export async function withSchemaEngine<T>(
  connectionString: string,
  fn: (engine: Glue.SchemaEngine) => Promise<T>,
  options: SchemaEngineOptions = {},
): Promise<T> {
  // One connection: the engine's advisory lock is session-scoped, and single-connection servers
  // (PGlite over a socket) refuse a second one.
  const pool = enginePool(connectionString);
  let shadow: { pool: pg.Pool; database: string } | undefined;

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: async () => wholeScripts(await new PrismaPg(pool).connect(), pool),
    // Not PrismaPg's own connectToShadowDb: it passes `{ connectionString, database }` to pg, where the
    // connection string wins, so its "shadow" connection would land in the main database.
    connectToShadowDb: async () => {
      if (!options.shadowDatabase) throw new Error('This operation needs a shadow database; pass { shadowDatabase: true }.');
      if (shadow) throw new Error('The engine asked for a second shadow database.');
      const url = new URL(connectionString);
      const base = decodeURIComponent(url.pathname.slice(1)) || url.username || 'postgres';
      const database = `${base.slice(0, 40)}_shadow_${randomBytes(6).toString('hex')}`;
      await pool.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`).catch((error: Error) => {
        throw new Error(`Could not create the shadow database ${database}: ${error.message}`, { cause: error });
      });
      url.pathname = `/${encodeURIComponent(database)}`;
      shadow = { pool: enginePool(url.toString()), database };
      return wholeScripts(await new PrismaPg(shadow.pool).connect(), shadow.pool);
    },
  };
  return run(factory, fn, options.log, async () => {
    try {
      if (shadow) {
        await shadow.pool.end();
        await pool.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(shadow.database)}`);
      }
    } finally {
      await pool.end();
    }
  });
}

/**
 * Runs `fn` with an engine that has no database. Enough for diffs between schema files and empty:
 * the engine only asks the server's version when it starts, which is answered here.
 */
export function withOfflineSchemaEngine<T>(
  fn: (engine: Glue.SchemaEngine) => Promise<T>,
  options: Pick<SchemaEngineOptions, 'log'> = {},
): Promise<T> {
  const refuse = (what: string) => () => Promise.reject(new Error(`The offline schema engine has no database (${what}).`));
  const adapter: SqlDriverAdapter = {
    provider: 'postgres',
    adapterName: 'offline',
    queryRaw: async (query) => {
      if (!query.sql.includes('server_version_num')) throw new Error(`The offline schema engine has no database: ${query.sql}`);
      return {
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, 'PostgreSQL 15.0', 150000]],
      };
    },
    executeRaw: refuse('executeRaw'),
    executeScript: refuse('executeScript'),
    startTransaction: refuse('startTransaction'),
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: 'offline',
    connect: async () => adapter,
    connectToShadowDb: refuse('shadow database'),
  };
  return run(factory, fn, options.log, async () => {});
}

async function run<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: Glue.SchemaEngine) => Promise<T>,
  log: ((line: string) => void) | undefined,
  cleanup: () => Promise<void>,
): Promise<T> {
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  let engine: Glue.SchemaEngine | undefined;
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  runningEngines++;
  try {
    const { SchemaEngine } = await loadGlue();
    engine = await SchemaEngine.new({ datamodels: undefined }, log ?? (() => {}), bound);
    outcome = { ok: true, value: await fn(engine) };
  } catch (error) {
    outcome = { ok: false, error: tidyError(unwrapExternalError(error, bound.errorRegistry)) };
  }
  // free() does not dispose the adapters, so connections are closed by `cleanup`.
  engine?.free();
  try {
    await cleanup();
  } catch (error) {
    if (outcome.ok) throw error; // otherwise the command's own failure is the one worth reporting
  } finally {
    if (--runningEngines === 0) {
      for (const timer of engineTimers) clearTimeout(timer);
      engineTimers.clear();
    }
  }
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

// Errors thrown on the JS side reach us as "External error id#N"; the original is in the registry.
function unwrapExternalError(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): unknown {
  const id = error instanceof Error ? /External error id#(\d+)/.exec(error.message)?.[1] : undefined;
  const original = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
  return original ?? error;
}

function enginePool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 1 });
  pool.on('error', () => {}); // an idle connection dropped by the server must not crash the process
  // PrismaPg 7.10 cannot map PostgreSQL's internal one-byte "char" type (OID 18), which the engine's
  // schema describer selects (pg_constraint.contype), so every diff against a database would fail.
  // Its values already arrive as strings: relabelling the column as text is all the adapter needs.
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult | undefined>;
  Object.assign(pool, {
    query: async (...args: unknown[]) => {
      const result = await query(...args);
      for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    },
  });
  return pool;
}

// Engine errors end in a Rust span trace; the message keeps the summary and the failing migration's
// name (which only the trace names), the full text stays in `cause`.
function tidyError(error: unknown): unknown {
  if (!(error instanceof Error) || error.name !== 'SchemaConnectorError') return error;
  const summary = error.message
    .split(/\n\s+0: /)[0]
    .replace(/^external connector error\n/, '')
    .trim();
  const migration = /apply_migration.*\n.*migration_name="([^"]+)"/.exec(error.message)?.[1];
  const tidy = new Error(migration ? `Migration ${migration} failed: ${summary}` : summary, { cause: error });
  return Object.assign(tidy, 'code' in error ? { code: error.code } : {});
}

// PrismaPg's executeScript splits the script on every ";", which breaks function bodies and comments
// containing one. A migration is sent whole instead, as the native engine does: one simple-protocol
// query, so PostgreSQL runs it as a single implicit transaction.
function wholeScripts(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: () => adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    dispose: () => adapter.dispose(),
    executeScript: async (script) => {
      try {
        await pool.query(script);
      } catch (error) {
        throw asDriverError(error, script);
      }
    },
  };
}

function asDriverError(error: unknown, script: string): unknown {
  if (!(error instanceof Error) || typeof (error as pg.DatabaseError).severity !== 'string') return error;
  const e = error as pg.DatabaseError;
  const line = e.position ? ` (line ${script.slice(0, Number(e.position)).split('\n').length})` : '';
  return new DriverAdapterError({
    kind: 'postgres',
    code: e.code ?? '',
    severity: e.severity ?? 'ERROR',
    message: `${e.message}${line}`,
    detail: e.detail,
    column: e.column,
    hint: e.hint,
  });
}
