import type { Tx } from '../database/tx.js';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { EnqueueJob } from './job-handler.js';
import { JobRegistry } from './job-registry.js';
import { JobRepository } from './job.repository.js';

// Services enqueue with their own transaction client, so a job exists exactly when the change that
// asked for it commits (a rolled-back schedule leaves no publish job behind).
@Injectable()
export class JobQueueService {
  constructor(
    private readonly jobs: JobRepository,
    private readonly registry: JobRegistry,
  ) {}

  /** Returns the job's id. With a dedupeKey, a pending job with that key is replaced and keeps its id. */
  async enqueue(tx: Tx, job: EnqueueJob): Promise<string> {
    this.checkPayload(job);
    return job.dedupeKey === undefined
      ? this.jobs.insert(tx, job)
      : this.jobs.upsertPending(tx, { ...job, dedupeKey: job.dedupeKey });
  }

  /**
   * Enqueues unless a pending job already has this key (which it keeps as it is): for periodic work
   * that every instance offers to schedule, so that it runs once.
   */
  async enqueueIfAbsent(tx: Tx, job: EnqueueJob & { dedupeKey: string }): Promise<boolean> {
    this.checkPayload(job);
    return this.jobs.insertIfAbsent(tx, job);
  }

  /** Removes the pending job with this key, if any; true when there was one. */
  cancel(tx: Tx, dedupeKey: string): Promise<boolean> {
    return this.jobs.deletePending(tx, dedupeKey);
  }

  // A payload its handler would reject is a bug in the enqueueing code: fail that request now rather
  // than a job later. Names without a handler here may belong to another process role.
  private checkPayload(job: EnqueueJob) {
    const handler = this.registry.get(job.name);
    if (!handler) return;
    const result = handler.schema.safeParse(job.payload);
    if (!result.success) throw new Error(`Invalid payload for job "${job.name}": ${z.prettifyError(result.error)}`);
  }
}
