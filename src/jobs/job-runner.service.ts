import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { OutageLog } from '../database/outage-log.js';
import { LOGGER } from '../logging/logging.module.js';
import { retryDelayMs } from './job-backoff.js';
import type { JobRecord } from './job-handler.js';
import { JobQueueMetrics } from './job-queue.metrics.js';
import { JobRegistry } from './job-registry.js';
import { JobRepository } from './job.repository.js';

// A job locked for longer than this is taken to have lost its worker (crash, kill -9) and is claimed
// again. Handlers are expected to finish well within it; one that does not may run twice.
const JOB_LOCK_TIMEOUT_MS = 5 * 60 * 1000;

// Runs due jobs one at a time, when config.jobs.enabled. Idle, it polls every pollIntervalMs; while
// jobs are due it claims the next as soon as one finishes. It never holds a transaction between
// statements (claim, handler, settle are separate), which the one-connection embedded database needs.
@Injectable()
export class JobRunnerService implements OnApplicationBootstrap, OnModuleDestroy {
  /** Unique per runner, also when two apps share a process (tests); shown in jobs.locked_by. */
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly outage: OutageLog;

  constructor(
    private readonly jobs: JobRepository,
    private readonly registry: JobRegistry,
    private readonly metrics: JobQueueMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.outage = new OutageLog(logger, 'Job runner', {
      firstRetryMs: config.jobs.pollIntervalMs,
      maxRetryMs: config.database.retryMaxMs,
    });
  }

  // After every module's onModuleInit, so all handlers are registered before the first claim.
  onApplicationBootstrap() {
    if (!this.config.jobs.enabled) return;
    this.logger.info({ workerId: this.workerId, jobs: this.registry.names() }, 'Job runner started');
    this.loop = this.run();
  }

  // No new claims from here; the job in hand finishes (and is settled) before the database closes.
  async onModuleDestroy() {
    if (!this.loop) return;
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.logger.info({ workerId: this.workerId }, 'Job runner stopped');
  }

  /** Claims and runs one due job; false when none is due. */
  private async runNext(): Promise<boolean> {
    const names = this.registry.names();
    if (names.length === 0) return false;
    const job = await this.jobs.claimNext(this.workerId, names, JOB_LOCK_TIMEOUT_MS);
    if (!job) return false;
    await this.execute(job);
    return true;
  }

  private async run() {
    while (!this.stopping) {
      let wait: number | undefined = this.config.jobs.pollIntervalMs;
      try {
        if (await this.runNext()) wait = undefined;
        this.outage.succeeded();
      } catch (error) {
        // The queue itself failed (database down...): say so once, back off, never crash the process.
        wait = this.outage.failed(error);
      }
      if (wait !== undefined) await this.idle(wait);
    }
  }

  // Ends early when the app stops, so shutdown never waits out a poll interval.
  private idle(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async execute(job: JobRecord) {
    // Claimed names always have a handler: the claim only asks for registered ones.
    const handler = this.registry.get(job.name)!;
    if (job.attempts > job.maxAttempts) {
      return this.fail(job, `Gave up after ${job.maxAttempts} attempts (the last one's worker stopped mid-run)`);
    }
    const payload = handler.schema.safeParse(job.payload);
    // Retrying cannot fix a payload: fail at once.
    if (!payload.success) return this.fail(job, `Invalid payload: ${z.prettifyError(payload.error)}`);
    try {
      await handler.handle(payload.data, job);
    } catch (error) {
      return this.retryOrFail(job, error);
    }
    const settled = await this.jobs.markCompleted(job.id, this.workerId);
    this.logger.debug({ jobId: job.id, job: job.name, settled }, 'Job completed');
  }

  private async retryOrFail(job: JobRecord, error: unknown) {
    const message = errorText(error);
    if (job.attempts >= job.maxAttempts) return this.fail(job, message, error);
    const delayMs = retryDelayMs(job.attempts);
    await this.jobs.reschedule(job.id, this.workerId, message, delayMs);
    this.metrics.failed(job.name, false);
    this.logger.warn(
      { err: error, jobId: job.id, job: job.name, attempts: job.attempts, retryInMs: delayMs },
      `Job ${job.name} ${job.id} failed (attempt ${job.attempts} of ${job.maxAttempts}); retrying in ${Math.round(delayMs / 1000)}s`,
    );
  }

  private async fail(job: JobRecord, message: string, error?: unknown) {
    await this.jobs.markFailed(job.id, this.workerId, message);
    this.metrics.failed(job.name, true);
    this.logger.error(
      // The stack is in err when there is one; otherwise the reason says why (bad payload...).
      { err: error, jobId: job.id, job: job.name, attempts: job.attempts, reason: error ? undefined : message },
      `Job ${job.name} ${job.id} failed for good`,
    );
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
