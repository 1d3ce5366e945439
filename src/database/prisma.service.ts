import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Logger } from 'pino';
import { PrismaClient, type Prisma } from '../generated/prisma/client.js';
import { LOGGER } from '../logging/logging.module.js';
import { DatabaseConnection } from './database-connection.js';
import { reasonOf } from './outage-log.js';
import { preparedStatementName } from './prepared-statements.js';

// The one Prisma client of the process. Repositories are its only users.
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  /** The connection pool, for infrastructure that speaks SQL itself (rate-limiter-flexible). */
  readonly pool: pg.Pool;
  private readonly commitHooks = new WeakMap<Prisma.TransactionClient, (() => Promise<void>)[]>();

  constructor(
    private readonly connection: DatabaseConnection,
    @Inject(LOGGER) logger: Logger,
  ) {
    const pool = new pg.Pool({
      connectionString: connection.url,
      max: connection.poolSize,
      // Keep the embedded server's single session open instead of closing and reopening it.
      idleTimeoutMillis: connection.embedded ? 0 : 10_000,
    });
    // The server may end an idle connection (restart, failover, a dropped database); pg opens a new
    // one on next use. Unheard, the pool's 'error' event would crash the process.
    // One line without a stack: a database restart closes every idle connection at once.
    pool.on('error', (error) =>
      logger.warn({ reason: reasonOf(error) }, `An idle database connection was closed (${reasonOf(error)})`),
    );
    super({
      // Names only the statements repositories mark (prepared-statements.ts), where the server keeps them.
      adapter: new PrismaPg(pool, connection.preparedStatements ? { statementNameGenerator: preparedStatementName } : {}),
      // Query events feed the statement counter (tests, benchmarks) and trace-level SQL logging.
      log: connection.emitQueryEvents ? [{ emit: 'event' as const, level: 'query' as const }] : [],
    });
    this.pool = pool;
  }

  /**
   * Runs `work` in one transaction. Generous limits: the embedded database serves one connection,
   * so a transaction may queue. Hooks registered with afterCommit run once it has committed.
   * Callers go through TransactionRunner (transaction-runner.ts), the one injectable way to open one.
   */
  async transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    let client: Prisma.TransactionClient | undefined;
    const result = await this.$transaction(
      (tx) => {
        client = tx;
        return work(tx);
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
    const hooks = client && this.commitHooks.get(client);
    if (hooks) await Promise.all(hooks.map((hook) => hook()));
    return result;
  }

  /**
   * Runs `hook` after the transaction `tx` commits (never if it rolls back): for effects outside the
   * database, such as dropping this process's cached responses. `tx` must come from transaction().
   * transaction() resolves after the hooks, which must not throw.
   */
  afterCommit(tx: Prisma.TransactionClient, hook: () => Promise<void>): void {
    const hooks = this.commitHooks.get(tx);
    if (hooks) hooks.push(hook);
    else this.commitHooks.set(tx, [hook]);
  }

  /** Subscribes to SQL statements; only fires when the connection emits query events. */
  onQuery(listener: (event: Prisma.QueryEvent) => void) {
    (this as unknown as { $on(event: 'query', cb: (event: Prisma.QueryEvent) => void): void }).$on('query', listener);
  }

  async onApplicationShutdown() {
    await this.$disconnect();
    await this.pool.end().catch(() => undefined);
    await this.connection.close();
  }
}
