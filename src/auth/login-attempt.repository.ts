import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';

export interface AttemptRecord {
  email: string;
  ip: string;
  succeeded: boolean;
  at: Date;
}

// The login_attempts table: one row per checked login, read by the rate limiter on every login, so
// both reads follow an index ((email, created_at) and (ip, created_at)) and stop after `limit` rows.
@Injectable()
export class LoginAttemptRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The latest attempts for an email since `since`, newest first, successes included. */
  latestForEmail(email: string, since: Date, limit: number): Promise<{ succeeded: boolean; createdAt: Date }[]> {
    return this.prisma.loginAttempt.findMany({
      where: { email, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { succeeded: true, createdAt: true },
    });
  }

  /** The latest failed attempts from an IP since `since`, newest first. */
  latestFailuresFromIp(ip: string, since: Date, limit: number): Promise<{ createdAt: Date }[]> {
    return this.prisma.loginAttempt.findMany({
      where: { ip, succeeded: false, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { createdAt: true },
    });
  }

  async record(attempt: AttemptRecord, db: Prisma.TransactionClient = this.prisma): Promise<void> {
    await db.loginAttempt.create({
      data: { email: attempt.email, ip: attempt.ip, succeeded: attempt.succeeded, createdAt: attempt.at },
    });
  }
}
