import type { Tx } from '../database/tx.js';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';

export interface AttemptRecord {
  email: string;
  ip: string;
  succeeded: boolean;
  at: Date;
}

// The first key of PostgreSQL's two-key advisory locks (a key space apart from the one-key locks
// other code takes): ASCII "logn".
const LOGIN_LOCK_SPACE = 0x6c6f676e;

// The login_attempts table: one row per checked login, read by the rate limiter on every login, so
// both reads follow an index ((email, created_at) and (ip, created_at)) and stop after `limit` rows.
@Injectable()
export class LoginAttemptRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * Runs `work` in a transaction that holds an advisory lock per key until it ends, so concurrent
   * logins for one email or one IP count and record their attempts one after the other.
   */
  withKeysLocked<T>(keys: string[], work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transactions.run(async (tx) => {
      // Taken in one order by everyone, so two logins never wait for each other's second key.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOGIN_LOCK_SPACE}::int, k)
        FROM (SELECT DISTINCT hashtext(key) AS k FROM unnest(${keys}::text[]) AS key ORDER BY 1) AS sorted`;
      return work(tx);
    });
  }

  /** The latest attempts for an email since `since`, newest first, successes included. */
  latestForEmail(
    email: string,
    since: Date,
    limit: number,
    db: Tx = this.prisma,
  ): Promise<{ succeeded: boolean; createdAt: Date }[]> {
    return db.loginAttempt.findMany({
      where: { email, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { succeeded: true, createdAt: true },
    });
  }

  /** The latest failed attempts from an IP since `since`, newest first. */
  latestFailuresFromIp(ip: string, since: Date, limit: number, db: Tx = this.prisma): Promise<{ createdAt: Date }[]> {
    return db.loginAttempt.findMany({
      where: { ip, succeeded: false, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take: limit,
      select: { createdAt: true },
    });
  }

  /** Records an attempt; returns its id. */
  async record(attempt: AttemptRecord, db: Tx = this.prisma): Promise<string> {
    const row = await db.loginAttempt.create({
      data: { email: attempt.email, ip: attempt.ip, succeeded: attempt.succeeded, createdAt: attempt.at },
      select: { id: true },
    });
    return row.id;
  }

  async markSucceeded(tx: Tx, id: string): Promise<void> {
    await tx.loginAttempt.update({ where: { id }, data: { succeeded: true } });
  }
}
