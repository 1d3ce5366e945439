import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logging.module.js';
import { DatabaseConnection } from './database-connection.js';
import { PrismaService } from './prisma.service.js';

const JOB_QUEUE_STATEMENT = /\bjobs\b/;

// Counts SQL statements sent through Prisma, so tests and benchmarks can prove a request's cost is
// constant (no N+1). Active only when query events are enabled on the connection.
@Injectable()
export class QueryCounter implements OnModuleInit {
  private count = 0;

  constructor(
    private readonly prisma: PrismaService,
    private readonly connection: DatabaseConnection,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit() {
    if (!this.connection.emitQueryEvents) return;
    this.prisma.onQuery((event) => {
      // The job runner polls in the background; its statements are no request's cost.
      if (!JOB_QUEUE_STATEMENT.test(event.query)) this.count += 1;
      this.logger.trace({ sql: event.query, durationMs: event.duration }, 'sql');
    });
  }

  get total(): number {
    return this.count;
  }
}
