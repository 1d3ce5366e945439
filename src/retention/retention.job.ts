import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { JobHandler, JobRecord } from '../jobs/job-handler.js';
import { JobQueueService } from '../jobs/job-queue.service.js';
import { JobProcessor } from '../jobs/job-processor.decorator.js';
import { LOGGER } from '../logging/logging.module.js';
import { retentionPayload } from './retention.schema.js';
import { RetentionService } from './retention.service.js';

export const RETENTION_JOB = 'maintenance.prune';

/** The start of the period after the one `at` falls in. */
export function nextSlot(at: Date, intervalMinutes: number): Date {
  const interval = intervalMinutes * 60_000;
  return new Date((Math.floor(at.getTime() / interval) + 1) * interval);
}

// Prunes old rows once per RETENTION_INTERVAL_MINUTES across all instances, on the job queue: every
// process offers the run of the next period with that period as dedupe key, and a run schedules the
// one after it (a different key, so it is not refused by its own key). A pending run keeps its key
// until it completes, so offers from other instances for that period are no-ops.
@JobProcessor()
@Injectable()
export class RetentionJob implements JobHandler<typeof retentionPayload>, OnApplicationBootstrap {
  readonly name = RETENTION_JOB;
  readonly schema = retentionPayload;

  constructor(
    private readonly queue: JobQueueService,
    private readonly transactions: TransactionRunner,
    private readonly retention: RetentionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap() {
    if (this.config.jobs.enabled) await this.scheduleAfter(new Date());
  }

  async handle({ slot }: z.output<typeof retentionPayload>, job: JobRecord): Promise<void> {
    // The next run first, so a failing prune (retried, or failed for good) never ends the cycle. After
    // this run's period (even if run early, or by a host whose clock lags) and after now (a cluster
    // that was down does not replay the periods it missed).
    const now = new Date();
    await this.scheduleAfter(new Date(Math.max(now.getTime(), Date.parse(slot))));
    const pruned = await this.retention.prune(now);
    this.logger.info({ jobId: job.id, pruned }, 'Pruned old rows');
  }

  /** Offers the run of the period after `at`'s; returns whether this call scheduled it. */
  scheduleAfter(at: Date): Promise<boolean> {
    const runAt = nextSlot(at, this.config.retention.intervalMinutes);
    const slot = runAt.toISOString();
    return this.transactions.run((tx) =>
      this.queue.enqueueIfAbsent(tx, {
        name: RETENTION_JOB,
        payload: { slot },
        runAt,
        dedupeKey: `${RETENTION_JOB}:${slot}`,
        maxAttempts: 3,
      }),
    );
  }
}
