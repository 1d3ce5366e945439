import type { Logger } from 'pino';

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

// For loops that keep talking to the database (job polling, the purge listener, readiness checks):
// without it, an unreachable database filled the log with two full stack traces a second. Now
// an outage is logged once when it starts, with its reason on one line, and once when it ends, not
// as a stack trace per attempt; retries back off (1 s, doubling, at most maxRetryMs: 30 s unless
// DATABASE_RETRY_MAX_MS says otherwise, e.g. for tests that wait out an outage).
export class OutageLog {
  private downSince: number | undefined;
  private failures = 0;

  constructor(
    private readonly logger: Logger,
    /** Who is waiting for the database, for the log lines: "Job runner", "Cache purge listener". */
    private readonly what: string,
    private readonly options: { firstRetryMs?: number; maxRetryMs?: number; now?: () => number } = {},
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  get down(): boolean {
    return this.downSince !== undefined;
  }

  /** Records a failed attempt; returns how long to wait before the next one. */
  failed(error: unknown): number {
    this.failures += 1;
    if (this.downSince === undefined) {
      this.downSince = this.now();
      this.logger.error(
        { reason: reasonOf(error) },
        `${this.what}: database unavailable (${reasonOf(error)}); retrying with backoff`,
      );
    }
    return Math.min(
      (this.options.firstRetryMs ?? FIRST_RETRY_MS) * 2 ** (this.failures - 1),
      this.options.maxRetryMs ?? MAX_RETRY_MS,
    );
  }

  /** Records a successful attempt; logs the recovery if the database was down. */
  succeeded(): void {
    if (this.downSince === undefined) return;
    const seconds = Math.round((this.now() - this.downSince) / 1000);
    this.logger.info(
      { downSeconds: seconds, failedAttempts: this.failures },
      `${this.what}: database reachable again after ${seconds}s`,
    );
    this.downSince = undefined;
    this.failures = 0;
  }
}

// One line: the error's code and message, without the stack (the same for every attempt).
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const message = `${error.message}${cause}`.replace(/\s+/g, ' ').trim() || error.name;
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}` : message;
}
