import type { Tx } from '../database/tx.js';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ReadRouter } from '../database/replicas/read-router.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JobQueueService } from '../jobs/job-queue.service.js';
import { LOGGER } from '../logging/logging.module.js';
import { CDN_PURGE_JOB } from './cdn-purge.schema.js';
import { RESPONSE_STORE, type ResponseStore } from './response-store.js';

/** The PostgreSQL channel every app instance listens on for purges. */
export const PURGE_CHANNEL = 'newsdesk_response_cache_purge';

// NOTIFY payloads must stay under 8000 bytes; keys are sent in chunks well below that.
const MAX_PAYLOAD_CHARS = 6000;

// Purging cached public responses when content changes. Called inside the change's transaction:
// - pg_notify there is delivered to every instance's listener when (and only if) the change commits;
// - this instance also purges its own store right after the commit, before the write's response goes
//   out, so the editor's very next read never sees the old version;
// - before either applies a purge, the read router is fenced at the primary's WAL position, so no
//   response computed after the purge comes from a read replica that has not replayed the change;
// - the CDN purge is a job written in the same transaction, so it survives a crash and retries.
@Injectable()
export class ResponseCachePurger {
  /**
   * Names this process in its notifications: it purged its own store right after the commit, so its
   * own notification, heard later, would only purge again what may have been refilled since.
   */
  readonly instanceId = randomUUID();

  constructor(
    private readonly transactions: TransactionRunner,
    @Inject(RESPONSE_STORE) private readonly store: ResponseStore | null,
    private readonly queue: JobQueueService,
    private readonly replicas: ReadRouter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async purgeOnCommit(tx: Tx, keys: Iterable<string>): Promise<void> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return;
    for (const chunk of payloadChunks(this.instanceId, unique)) await this.transactions.notifyOnCommit(tx, PURGE_CHANNEL, chunk);
    this.transactions.afterCommit(tx, () => this.purgeHere(unique));
    if (this.config.responseCache.cdnPurge) await this.queue.enqueue(tx, { name: CDN_PURGE_JOB, payload: { keys: unique } });
  }

  /** Drops every cached response this process can reach (after missed notifications). Never throws. */
  async purgeAll(): Promise<void> {
    try {
      const replayFloor = await this.replicas.fence();
      await this.store?.clear(replayFloor);
    } catch (error) {
      this.logger.error({ err: error }, 'Could not clear the response cache');
    }
  }

  /** Purges this process's view of the cache (its memory, or the shared Redis). Never throws. */
  async purgeHere(keys: readonly string[]): Promise<void> {
    try {
      // Fenced also without a store: CDN refills and uncached reads must not come from a lagging replica.
      const replayFloor = await this.replicas.fence();
      await this.store?.purge(keys, replayFloor);
    } catch (error) {
      this.logger.error({ err: error, keys }, 'Could not purge cached responses');
    }
  }
}

/** Purge notifications: {"from": <instance>, "keys": [...]}, each short enough for one NOTIFY. */
export function payloadChunks(from: string, keys: readonly string[]): string[] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const key of keys) {
    if (current.length && length + key.length + 3 > MAX_PAYLOAD_CHARS) {
      chunks.push(current);
      current = [];
      length = 0;
    }
    current.push(key);
    length += key.length + 3;
  }
  if (current.length) chunks.push(current);
  return chunks.map((chunk) => JSON.stringify({ from, keys: chunk }));
}
