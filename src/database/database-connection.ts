import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { applyMigrations } from './migrator.js';

// Where the database is and how to reach it, settled before any repository exists: an external
// PostgreSQL when DATABASE_URL is set, else embedded PostgreSQL under DATA_DIR. Migrations run here
// when configured (always in embedded mode), so the app never serves an unmigrated schema.
export class DatabaseConnection {
  private constructor(
    readonly url: string,
    readonly poolSize: number,
    readonly embedded: boolean,
    readonly emitQueryEvents: boolean,
    private readonly embeddedServer: EmbeddedPostgres | undefined,
  ) {}

  static async open(config: AppConfig, logger: Logger, options: { emitQueryEvents?: boolean } = {}) {
    const { url, dataDir, poolSize, migrateOnStart } = config.database;
    const server = url ? undefined : await startEmbeddedPostgres({ dataDir });
    const connection = new DatabaseConnection(
      url ?? server!.url,
      // The embedded server serves one session at a time.
      server ? 1 : poolSize,
      Boolean(server),
      options.emitQueryEvents ?? (config.metricsEnabled || logger.isLevelEnabled('trace')),
      server,
    );
    logger.info(
      server ? { database: 'embedded', dataDir } : { database: 'postgresql', host: safeHost(url!) },
      server ? `Using embedded PostgreSQL (PGlite) in ${dataDir}` : `Using PostgreSQL at ${safeHost(url!)}`,
    );
    if (migrateOnStart) {
      const applied = await applyMigrations(connection.url);
      logger.info({ applied }, applied.length ? `Applied ${applied.length} migration(s)` : 'Database schema is up to date');
    }
    return connection;
  }

  async close() {
    await this.embeddedServer?.stop();
  }
}

// Never log credentials: host, port and database name are enough to tell which server is in use.
function safeHost(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}
