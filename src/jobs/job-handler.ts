import type { z } from 'zod';

/** A claimed job as its handler sees it. */
export interface JobRecord {
  readonly id: string;
  readonly name: string;
  readonly payload: unknown;
  readonly runAt: Date;
  /** Including the current run: 1 on the first run. */
  readonly attempts: number;
  readonly maxAttempts: number;
}

/**
 * Runs one kind of job. Handlers must be idempotent: a job whose worker died mid-run (its lock
 * expired) or that failed after its side effect is run again.
 */
export interface JobHandler<S extends z.ZodType = z.ZodType> {
  /** Unique, dotted: "article.publish-scheduled". */
  readonly name: string;
  /** Validates the stored payload; a payload it rejects fails the job without retries. */
  readonly schema: S;
  handle(payload: z.output<S>, job: JobRecord): Promise<void>;
}

export interface EnqueueJob {
  name: string;
  payload: Record<string, unknown>;
  /** Defaults to now. */
  runAt?: Date;
  /** At most one pending job per key: enqueueing again replaces it (payload, run_at, attempts). */
  dedupeKey?: string;
  maxAttempts?: number;
}
