import type { Tx } from '../database/tx.js';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock.js';
import { PrismaService } from '../database/prisma.service.js';
import { Prisma } from '../generated/prisma/client.js';
import type { EnqueueJob, JobRecord } from './job-handler.js';

const DEFAULT_MAX_ATTEMPTS = 10;
// last_error is for people reading the table; the first lines of a stack are enough.
const MAX_ERROR_LENGTH = 4000;

// Every state change after a claim is conditional on the lock still being ours: a job replaced or
// cancelled while it ran, or re-claimed after our lock expired, is no longer ours to settle.
@Injectable()
export class JobRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  async insert(tx: Tx, job: EnqueueJob): Promise<string> {
    const created = await tx.job.create({ data: this.fields(job), select: { id: true } });
    return created.id;
  }

  /** One atomic INSERT ... ON CONFLICT (dedupe_key): a pending job with the key is reset to this one. */
  async upsertPending(tx: Tx, job: EnqueueJob & { dedupeKey: string }): Promise<string> {
    const fields = this.fields(job);
    const saved = await tx.job.upsert({
      where: { dedupeKey: job.dedupeKey },
      create: fields,
      update: { ...fields, attempts: 0, lastError: null, lockedAt: null, lockedBy: null },
      select: { id: true },
    });
    return saved.id;
  }

  /** Inserts the job unless a pending one holds its dedupe key; true when it was inserted. */
  async insertIfAbsent(tx: Tx, job: EnqueueJob & { dedupeKey: string }): Promise<boolean> {
    const { count } = await tx.job.createMany({ data: [this.fields(job)], skipDuplicates: true });
    return count > 0;
  }

  /** Deletes the pending (or running) job with this key; finished jobs no longer hold a key. */
  async deletePending(tx: Tx, dedupeKey: string): Promise<boolean> {
    const { count } = await tx.job.deleteMany({ where: { dedupeKey, completedAt: null, failedAt: null } });
    return count > 0;
  }

  /**
   * Locks the next due job this worker can run. SKIP LOCKED lets concurrent workers each take a
   * different row without waiting; a lock older than lockTimeoutMs belongs to a dead worker.
   */
  async claimNext(workerId: string, names: string[], lockTimeoutMs: number): Promise<JobRecord | null> {
    const now = this.clock.now();
    const rows = await this.prisma.$queryRaw<JobRecord[]>(Prisma.sql`
      UPDATE jobs
      SET locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1, updated_at = now()
      WHERE id = (
        SELECT id FROM jobs
        WHERE completed_at IS NULL AND failed_at IS NULL AND run_at <= ${now}
          AND (locked_at IS NULL OR locked_at < now() - ${lockTimeoutMs}::int * interval '1 millisecond')
          AND name = ANY(${names}::text[])
        ORDER BY run_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, name, payload, run_at AS "runAt", attempts, max_attempts AS "maxAttempts"`);
    return rows[0] ?? null;
  }

  /** Pending jobs per name: how many, how many are due, and the wait of the oldest due one. */
  async stats(): Promise<{ name: string; pending: number; due: number; oldestDueAgeSeconds: number }[]> {
    const rows = await this.prisma.$queryRaw<{ name: string; pending: number; due: number; oldest: number | null }[]>(Prisma.sql`
      SELECT name, count(*)::int AS pending, count(*) FILTER (WHERE run_at <= now())::int AS due,
        extract(epoch FROM now() - min(run_at) FILTER (WHERE run_at <= now()))::float8 AS oldest
      FROM jobs WHERE completed_at IS NULL AND failed_at IS NULL
      GROUP BY name`);
    return rows.map((row) => ({ name: row.name, pending: row.pending, due: row.due, oldestDueAgeSeconds: row.oldest ?? 0 }));
  }

  async markCompleted(id: string, workerId: string): Promise<boolean> {
    return this.settle(id, workerId, { completedAt: new Date(), dedupeKey: null });
  }

  async markFailed(id: string, workerId: string, error: string): Promise<boolean> {
    return this.settle(id, workerId, { failedAt: new Date(), dedupeKey: null, lastError: truncate(error) });
  }

  async reschedule(id: string, workerId: string, error: string, delayMs: number): Promise<boolean> {
    return this.settle(id, workerId, { runAt: new Date(this.clock.now().getTime() + delayMs), lastError: truncate(error) });
  }

  // Settling releases the lock; completed and failed jobs also give up their dedupe key, so they
  // never block a new job with the same key.
  private async settle(id: string, workerId: string, data: Prisma.JobUpdateManyMutationInput): Promise<boolean> {
    const { count } = await this.prisma.job.updateMany({
      where: { id, lockedBy: workerId },
      data: { ...data, lockedAt: null, lockedBy: null },
    });
    return count > 0;
  }

  private fields(job: EnqueueJob) {
    return {
      name: job.name,
      payload: job.payload as Prisma.InputJsonObject,
      runAt: job.runAt ?? this.clock.now(),
      maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      dedupeKey: job.dedupeKey ?? null,
    };
  }
}

function truncate(text: string): string {
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
