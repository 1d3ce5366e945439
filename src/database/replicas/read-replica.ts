import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Logger } from 'pino';
import { PrismaClient } from '../../generated/prisma/client.js';
import { safeHost } from '../safe-host.js';
import { preparedStatementName } from '../prepared-statements.js';

// A probe that has not answered in this long counts as a failure: a hung replica is a down one.
const PROBE_TIMEOUT_MS = 2000;

export type ReplicaState = 'unknown' | 'up' | 'down' | 'not-standby';

export interface ReplicaOptions {
  poolSize: number;
  emitQueryEvents: boolean;
  /** Name the statements repositories mark (prepared-statements.ts), as on the primary. */
  preparedStatements: boolean;
}

// One streaming replica: its own pool and Prisma client (the same stack as the primary's), and what
// the last probe learnt: whether it answers and how far it has replayed the primary's WAL. A
// replayed position only grows, so an old reading is a safe lower bound for routing.
export class ReadReplica {
  readonly name: string;
  readonly client: PrismaClient;
  private readonly pool: pg.Pool;
  private currentState: ReplicaState = 'unknown';
  private replayedLsn = -1n;
  private closed = false;

  constructor(
    url: string,
    options: ReplicaOptions,
    private readonly logger: Logger,
  ) {
    this.name = safeHost(url);
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize,
      idleTimeoutMillis: 10_000,
      // Fail fast: a read waiting on a dead replica is retried on the primary.
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
      // Tells operators which sessions on the standby are ours (pg_stat_activity).
      application_name: 'newsdesk-read',
    });
    // A restarting replica ends idle connections; unheard, the pool's 'error' would crash the process.
    this.pool.on('error', (error) => this.markDown(error));
    this.client = new PrismaClient({
      adapter: new PrismaPg(this.pool, options.preparedStatements ? { statementNameGenerator: preparedStatementName } : {}),
      log: options.emitQueryEvents ? [{ emit: 'event' as const, level: 'query' as const }] : [],
    });
  }

  get state(): ReplicaState {
    return this.currentState;
  }

  /** The WAL position it had replayed at the last probe; -1 before any. */
  get replayed(): bigint {
    return this.replayedLsn;
  }

  /** Whether it may serve a read that needs every change up to `floor`. */
  serves(floor: bigint): boolean {
    return this.currentState === 'up' && this.replayedLsn >= floor;
  }

  /** Asks the replica how far it has replayed; never throws (a failure marks it down). */
  async probe(): Promise<void> {
    try {
      const { rows } = await withTimeout(
        this.pool.query<{ standby: boolean; replayed: string | null }>(
          `SELECT pg_is_in_recovery() AS standby, (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::text AS replayed`,
        ),
      );
      const [row] = rows;
      if (this.closed) return;
      if (!row?.standby || row.replayed === null) return this.become('not-standby');
      this.replayedLsn = BigInt(row.replayed.split('.')[0]!);
      this.become('up');
    } catch (error) {
      this.markDown(error);
    }
  }

  markDown(error: unknown): void {
    if (!this.closed) this.become('down', error);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client.$disconnect().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  // Logged on a change of state only, never per request or per probe.
  private become(state: ReplicaState, error?: unknown): void {
    const previous = this.currentState;
    if (previous === state) return;
    this.currentState = state;
    const context = { replica: this.name, state, previous };
    if (state === 'up') this.logger.info(context, `Read replica ${this.name} is serving public reads`);
    else if (state === 'down')
      this.logger.warn(
        { ...context, err: error },
        `Read replica ${this.name} is unreachable; its reads go to the primary until it answers`,
      );
    else
      this.logger.error(
        context,
        `${this.name} in DATABASE_READ_URLS is not a streaming replica (not in recovery); no reads go to it`,
      );
  }
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
