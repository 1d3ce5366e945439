import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ResponseKeys } from '../../common/response-keys.js';
import { LOGGER } from '../../logging/logging.module.js';
import { DatabaseConnection } from '../database-connection.js';
import { PrismaService } from '../prisma.service.js';
import type { Tx } from '../tx.js';
import { Coalesced } from './coalesced.js';
import { ReadReplica, type ReplicaState } from './read-replica.js';
import { replicaFailureOf } from './replica-failure.js';

// How often replicas are probed in the background (lag metrics, finding a replica back up).
const MONITOR_INTERVAL_MS = 1000;
// While reads wait for a lagging replica, probes on demand at most this often.
const MIN_PROBE_GAP_MS = 25;
const WAIT_STEP_MS = 50;

export interface ReplicaStatus {
  name: string;
  state: ReplicaState;
  replayed: bigint;
  /** WAL the replica had yet to replay at the last readings; undefined before both exist. */
  lagBytes: number | undefined;
}

export interface ReadStats {
  primary: number;
  replica: number;
  /** Reads a replica could have served that went to the primary, by why. */
  fallbacks: { lagging: number; unavailable: number; failed: number };
}

/**
 * The one place that decides which server answers a read (DATABASE_READ_URLS).
 *
 * A replica serves a public read only when it has replayed the primary's WAL up to the floor: the
 * primary's position read when this process last applied a purge (fence(), called by the response
 * cache before every purge it applies: its own after commit, and every pg_notify it hears; both
 * happen after the change committed, so the position includes the change), or the floor the
 * response's cache store holds (shared Redis), whichever is higher. So a response computed after a
 * purge never shows the state from before it, and never refills a cache with it. Until a replica has
 * caught up, the primary serves. Reads for which `keys.mayReadReplica` is false (ResponseKeys.none:
 * previews, the change feed, mail) go to the primary; reads in a transaction never come here.
 */
@Injectable()
export class ReadRouter implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly stats: ReadStats = { primary: 0, replica: 0, fallbacks: { lagging: 0, unavailable: 0, failed: 0 } };
  private readonly replicas: ReadReplica[];
  /** Undefined while unknown (start, or a failed fence): the primary serves every read. */
  private floor: bigint | undefined;
  private primaryLsn: bigint | undefined;
  private turn = 0;
  private lastProbe = 0;
  private monitor: NodeJS.Timeout | undefined;
  private readonly primaryPosition = new Coalesced(() => this.readPrimaryPosition());
  private readonly probing = new Coalesced(() => this.probeAll());

  constructor(
    private readonly prisma: PrismaService,
    connection: DatabaseConnection,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    const options = {
      poolSize: connection.poolSize,
      emitQueryEvents: connection.emitQueryEvents,
      preparedStatements: connection.preparedStatements,
    };
    this.replicas = connection.readUrls.map((url) => new ReadReplica(url, options, logger));
  }

  get enabled(): boolean {
    return this.replicas.length > 0;
  }

  /** The Prisma clients of the replicas, for statement counting. */
  get replicaClients() {
    return this.replicas.map((replica) => replica.client);
  }

  async onApplicationBootstrap() {
    if (!this.enabled) return;
    this.logger.info(
      { replicas: this.replicas.map((r) => r.name) },
      `Public reads may use ${this.replicas.length} read replica(s)`,
    );
    await this.fence();
    await this.probing.next();
    this.monitor = setInterval(() => void this.tick(), MONITOR_INTERVAL_MS).unref();
  }

  async onApplicationShutdown() {
    clearInterval(this.monitor);
    await Promise.all(this.replicas.map((replica) => replica.close()));
  }

  /** Runs `work` on a replica that may serve `keys`' response, else on the primary. */
  read<T>(keys: ResponseKeys, work: (db: Tx) => Promise<T>): Promise<T> {
    const replica = this.enabled && keys.mayReadReplica ? this.pick(keys.replayFloor) : undefined;
    if (!replica) {
      this.stats.primary += 1;
      return work(this.prisma);
    }
    return this.readOn(replica, work);
  }

  private async readOn<T>(replica: ReadReplica, work: (db: Tx) => Promise<T>): Promise<T> {
    try {
      const result = await work(replica.client);
      this.stats.replica += 1;
      return result;
    } catch (error) {
      // The primary may answer what the replica could not; an error it would raise too is thrown.
      const failure = replicaFailureOf(error);
      if (!failure) throw error;
      if (failure === 'unreachable') replica.markDown(error);
      this.stats.fallbacks.failed += 1;
      this.stats.primary += 1;
      return work(this.prisma);
    }
  }

  /**
   * Before a purge is applied: replicas serve again only once they have replayed what the primary
   * has written by now. Returns that position (for a shared cache store to keep), or undefined
   * without replicas or when the primary did not answer (then the primary serves until a later
   * fence succeeds; the monitor retries).
   */
  async fence(): Promise<bigint | undefined> {
    if (!this.enabled) return undefined;
    try {
      const lsn = await this.primaryPosition.next();
      this.floor = this.floor === undefined || lsn > this.floor ? lsn : this.floor;
      return lsn;
    } catch (error) {
      if (this.floor !== undefined)
        this.logger.warn({ err: error }, 'Could not read the primary WAL position; public reads go to the primary');
      this.floor = undefined;
      return undefined;
    }
  }

  /**
   * Waits until every replica that answers has replayed what the primary has written by now, for at
   * most `maxWaitMs`; false if one has not. Replicas that do not answer are left out: no router sends
   * them reads before they have caught up with its floor.
   */
  async awaitReplay(maxWaitMs: number): Promise<boolean> {
    if (!this.enabled) return true;
    const target = await this.primaryPosition.next();
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      await this.probing.next();
      if (this.replicas.every((replica) => replica.state !== 'up' || replica.replayed >= target)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }

  status(): ReplicaStatus[] {
    return this.replicas.map((replica) => ({
      name: replica.name,
      state: replica.state,
      replayed: replica.replayed,
      lagBytes:
        this.primaryLsn === undefined || replica.replayed < 0n
          ? undefined
          : Math.max(0, Number(this.primaryLsn - replica.replayed)),
    }));
  }

  // Round robin over the replicas that have replayed the floor.
  private pick(requestFloor: bigint): ReadReplica | undefined {
    const floor = this.floor === undefined ? undefined : this.floor > requestFloor ? this.floor : requestFloor;
    const count = this.replicas.length;
    if (floor !== undefined) {
      for (let step = 0; step < count; step++) {
        const replica = this.replicas[(this.turn + step) % count]!;
        if (!replica.serves(floor)) continue;
        this.turn = (this.turn + step + 1) % count;
        return replica;
      }
    }
    const answering = this.replicas.some((replica) => replica.state === 'up');
    this.stats.fallbacks[answering ? 'lagging' : 'unavailable'] += 1;
    // A lagging replica is looked at again soon; one that does not answer waits for the monitor.
    if (answering && !this.probing.busy && Date.now() - this.lastProbe >= MIN_PROBE_GAP_MS) void this.probing.next();
    return undefined;
  }

  private async tick() {
    if (this.floor === undefined) await this.fence();
    await Promise.all([this.probing.next(), this.primaryPosition.next().catch(() => undefined)]);
  }

  private async probeAll(): Promise<void> {
    this.lastProbe = Date.now();
    await Promise.all(this.replicas.map((replica) => replica.probe()));
  }

  // After a commit (a purge is applied only then), the write position is at or past its commit record.
  private async readPrimaryPosition(): Promise<bigint> {
    const [row] = await this.prisma.$queryRaw<{ lsn: string }[]>`SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::text AS lsn`;
    const lsn = BigInt(row!.lsn);
    if (this.primaryLsn === undefined || lsn > this.primaryLsn) this.primaryLsn = lsn;
    return lsn;
  }
}
