import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { Prisma } from '../generated/prisma/client.js';

// Rows per DELETE: large backlogs are pruned in short statements, so no lock is held for long.
const BATCH = 5000;

export interface Cutoffs {
  finishedJobsBefore: Date;
  loginAttemptsBefore: Date;
  sessionsExpiredBefore: Date;
  webhookDeliveriesBefore: Date;
  changeEventsBefore: Date;
  /** rate_limits.expire is epoch milliseconds. */
  rateLimitsExpiredBefore: Date;
}

export type PrunedCounts = Record<keyof Cutoffs, number>;

// Deletes rows that have served their purpose, across the operational tables of several features
// (one maintenance concern, so one place). Each rule names exactly which rows it may delete.
@Injectable()
export class RetentionRepository {
  constructor(private readonly prisma: PrismaService) {}

  async prune(cutoffs: Cutoffs): Promise<PrunedCounts> {
    return {
      // Pending and running jobs are never touched, however old.
      finishedJobsBefore: await this.inBatches(
        'jobs',
        Prisma.sql`completed_at < ${cutoffs.finishedJobsBefore} OR failed_at < ${cutoffs.finishedJobsBefore}`,
      ),
      loginAttemptsBefore: await this.inBatches('login_attempts', Prisma.sql`created_at < ${cutoffs.loginAttemptsBefore}`),
      // An expired session's refresh token can no longer be used, nor its reuse detected as a threat.
      sessionsExpiredBefore: await this.inBatches('sessions', Prisma.sql`expires_at < ${cutoffs.sessionsExpiredBefore}`),
      // Pending deliveries are still being retried.
      webhookDeliveriesBefore: await this.inBatches(
        'webhook_deliveries',
        Prisma.sql`status IN ('SUCCEEDED', 'FAILED') AND created_at < ${cutoffs.webhookDeliveriesBefore}`,
      ),
      changeEventsBefore: await this.inBatches('change_events', Prisma.sql`created_at < ${cutoffs.changeEventsBefore}`),
      rateLimitsExpiredBefore: await this.inBatches(
        'rate_limits',
        Prisma.sql`expire < ${cutoffs.rateLimitsExpiredBefore.getTime()}`,
      ),
    };
  }

  private async inBatches(table: string, condition: Prisma.Sql): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.prisma.$executeRaw(Prisma.sql`
        DELETE FROM ${Prisma.raw(table)} WHERE ctid IN (
          SELECT ctid FROM ${Prisma.raw(table)} WHERE ${condition} LIMIT ${BATCH}
        )`);
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }
}
