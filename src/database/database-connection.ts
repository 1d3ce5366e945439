import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { EmbeddedDatabaseBusyError, embeddedHolder } from './embedded-lock.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { applyMigrations } from './migrator.js';
import { safeHost } from './safe-host.js';

// Where the database is and how to reach it, settled before any repository exists: an external
// PostgreSQL when DATABASE_URL is set, else embedded PostgreSQL under DATA_DIR. Migrations run here
// when configured (always in embedded mode), so the app never serves an unmigrated schema.
export class DatabaseConnection {
  private constructor(
    readonly url: string,
    readonly poolSize: number,
    /** Streaming replicas for public reads (database/replicas); empty in embedded mode. */
    readonly readUrls: readonly string[],
    readonly embedded: boolean,
    /** Whether marked statements are named (prepared-statements.ts): never on the embedded server. */
    readonly preparedStatements: boolean,
    readonly emitQueryEvents: boolean,
    private readonly embeddedServer: EmbeddedPostgres | undefined,
  ) {}

  /**
   * attachToRunning (command-line tools): when the embedded database is open in a running Newsdesk,
   * use it through that process's socket instead of failing; that process has migrated it.
   */
  static async open(config: AppConfig, logger: Logger, options: { emitQueryEvents?: boolean; attachToRunning?: boolean } = {}) {
    const { url, dataDir, poolSize, migrateOnStart } = config.database;
    const emitQueryEvents = options.emitQueryEvents ?? (config.metricsEnabled || logger.isLevelEnabled('trace'));
    if (!url && options.attachToRunning) {
      const running = runningServerUrl(dataDir);
      if (running) {
        logger.info({ database: 'embedded', dataDir }, `Using the embedded PostgreSQL of the running Newsdesk (${dataDir})`);
        return new DatabaseConnection(running, 1, [], true, false, emitQueryEvents, undefined);
      }
    }
    const server = url ? undefined : await startEmbeddedPostgres({ dataDir });
    // The embedded server serves one session at a time.
    const connection = new DatabaseConnection(
      url ?? server!.url,
      server ? 1 : poolSize,
      server ? [] : config.database.readUrls,
      Boolean(server),
      !server && config.database.preparedStatements,
      emitQueryEvents,
      server,
    );
    logger.info(
      server ? { database: 'embedded', dataDir } : { database: 'postgresql', host: safeHost(url!) },
      server ? `Using embedded PostgreSQL (PGlite) in ${dataDir}` : `Using PostgreSQL at ${safeHost(url!)}`,
    );
    if (migrateOnStart) {
      const applied = await applyMigrations(connection.url).catch(async (error: unknown) => {
        await server?.stop();
        throw error;
      });
      logger.info({ applied }, applied.length ? `Applied ${applied.length} migration(s)` : 'Database schema is up to date');
    }
    return connection;
  }

  async close() {
    await this.embeddedServer?.stop();
  }
}

// The URL of the embedded server another process holds open, or undefined when the directory is free.
function runningServerUrl(dataDir: string): string | undefined {
  const holder = embeddedHolder(dataDir);
  // Still starting (no socket yet): the holder's own error message is the clearest answer.
  if (holder && !holder.url) throw new EmbeddedDatabaseBusyError(dataDir, holder.pid, undefined);
  return holder?.url;
}
