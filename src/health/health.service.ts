import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { OutageLog } from '../database/outage-log.js';
import { PrismaService } from '../database/prisma.service.js';
import { LOGGER } from '../logging/logging.module.js';

@Injectable()
export class HealthService {
  // A load balancer asks every few seconds: an outage is logged when it starts and when it ends.
  private readonly outage: OutageLog;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.outage = new OutageLog(logger, 'Readiness check');
  }

  async databaseStatus(): Promise<'up' | 'down'> {
    try {
      await this.prisma.$queryRaw`SELECT 1`;
      this.outage.succeeded();
      return 'up';
    } catch (error) {
      this.outage.failed(error);
      return 'down';
    }
  }
}
