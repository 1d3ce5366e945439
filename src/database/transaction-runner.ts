import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service.js';
import type { Tx } from './tx.js';

// The one way to open a transaction: services (and jobs) inject this, not PrismaService. Repositories
// take the caller's `tx` (writes first, reads an optional `db` last), so one service call commits whole.
@Injectable()
export class TransactionRunner {
  constructor(private readonly prisma: PrismaService) {}

  /** Runs `work` in one transaction; resolves after the hooks registered with afterCommit have run. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.transaction(work);
  }

  /** Runs `hook` once `tx` (from run()) has committed, never if it rolls back. The hook must not throw. */
  afterCommit(tx: Tx, hook: () => Promise<void>): void {
    this.prisma.afterCommit(tx, hook);
  }

  /**
   * NOTIFY `channel` as part of `tx`: PostgreSQL delivers it to every listening session when, and only
   * if, the transaction commits, in commit order. Payloads must stay under 8000 bytes.
   */
  async notifyOnCommit(tx: Tx, channel: string, payload: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
  }
}
