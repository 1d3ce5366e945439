import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logging.module.js';
import { DatabaseConnection } from './database-connection.js';
import { PrismaService } from './prisma.service.js';
import { ReadRouter } from './replicas/read-router.js';
import type { Prisma } from '../generated/prisma/client.js';

// The job runner's polling and the read router's WAL position reads are bookkeeping, no request's cost.
const BOOKKEEPING_STATEMENT = /\bjobs\b|pg_current_wal_lsn/;

// Counts SQL statements sent through Prisma, so tests and benchmarks can prove a request's cost is
// constant (no N+1). Active only when query events are enabled on the connection.
@Injectable()
export class QueryCounter implements OnModuleInit {
  private count = 0;

  constructor(
    private readonly prisma: PrismaService,
    private readonly connection: DatabaseConnection,
    private readonly router: ReadRouter,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit() {
    if (!this.connection.emitQueryEvents) return;
    const listener = (event: Prisma.QueryEvent) => {
      if (!BOOKKEEPING_STATEMENT.test(event.query)) this.count += 1;
      this.logger.trace({ sql: event.query, durationMs: event.duration }, 'sql');
    };
    this.prisma.onQuery(listener);
    // Statements a read replica answered count the same.
    for (const client of this.router.replicaClients) {
      (client as unknown as { $on(event: 'query', cb: typeof listener): void }).$on('query', listener);
    }
  }

  get total(): number {
    return this.count;
  }
}
